package dev.ignite.api.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocumentRemovalTest {
  private static final String A =
      "apiVersion: ignite.weave.works/v1alpha4\nkind: VM\nmetadata:\n  name: a\nspec:\n  cpus: 1\n";
  private static final String B =
      "apiVersion: ignite.weave.works/v1alpha4\nkind: VM\nmetadata:\n  name: b\nspec:\n  cpus: 2\n";
  private static final String DEPLOYMENT =
      "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n";

  @Test
  void removesTheMiddleDocumentAndKeepsTheOthersByteForByte() {
    String text = "# my VMs\n" + A + "---\n" + B + "# b's trailing note\n---\n" + DEPLOYMENT;
    assertEquals(
        Optional.of("# my VMs\n" + A + "---\n" + DEPLOYMENT), DocumentRemoval.without(text, "b"));
  }

  @Test
  void removesTheFirstDocumentWithoutItsOwnMarker() {
    String text = A + "---\n" + B;
    assertEquals(Optional.of("---\n" + B), DocumentRemoval.without(text, "a"));
  }

  @Test
  void removesTheLastDocument() {
    String text = "---\n" + A + "---\n" + B;
    assertEquals(Optional.of("---\n" + A), DocumentRemoval.without(text, "b"));
  }

  @Test
  void leavesNothingWhenTheFileHeldOnlyThatVm() {
    String rest = DocumentRemoval.without("# note\n" + A, "a").orElseThrow();
    assertTrue(DocumentRemoval.holdsNothing(rest), rest);
  }

  @Test
  void aDeploymentOfTheSameNameIsNotTheVm() {
    String text = DEPLOYMENT + "---\n" + A;
    assertEquals(Optional.of(DEPLOYMENT), DocumentRemoval.without(text, "a"));
  }

  @Test
  void refusesWhenTheNameIsNotThereOrTwice() {
    assertEquals(Optional.empty(), DocumentRemoval.without(A + "---\n" + B, "c"));
    assertEquals(Optional.empty(), DocumentRemoval.without(A + "---\n" + A, "a"));
  }

  @Test
  void refusesABrokenFile() {
    assertEquals(Optional.empty(), DocumentRemoval.without(A + "---\n" + B + "spec: [\n", "a"));
  }

  @Test
  void keepsAFileWithoutFinalLineBreakThatWay() {
    String text = A + "---\n" + B.strip();
    assertEquals(Optional.of(A), DocumentRemoval.without(text, "b").map(s -> s + "\n"));
  }
}
