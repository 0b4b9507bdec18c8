package dev.ignite.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hostile nesting (issue 11): a file nested thousands of levels deep, or an alias that contains
 * itself, is a located error from the decoder and the status patcher, never a StackOverflowError.
 */
class NestingGuardTest {
  private static final String VM_HEAD =
      "apiVersion: ignite.weave.works/v1alpha4\nkind: VM\nmetadata:\n  name: a\n"
          + "spec:\n  image:\n    oci: busybox\n";

  static String brackets(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  @Test
  void fiveThousandNestedBracketsAreALocatedErrorNotAStackOverflow() {
    Decoded d = ManifestDecoder.decode("deep.yaml", brackets(5_000));

    assertThat(d.objects()).isEmpty();
    assertThat(d.errors())
        .singleElement()
        .hasToString("deep.yaml:1:101: invalid YAML: nested more than 100 levels deep");
  }

  @Test
  void deepBlockNestingInsideAVmIsReportedAtItsLine() {
    StringBuilder text = new StringBuilder(VM_HEAD).append("status:\n");
    for (int i = 1; i <= 2_000; i++) {
      text.append(" ".repeat(i)).append("k:\n");
    }

    Decoded d = ManifestDecoder.decode("vm.yaml", text.toString());

    // levels: the document, status (line 9), then one per line: line 108 opens the 101st
    assertThat(d.errors()).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(108));
    assertThat(d.errors().get(0).message()).contains("nested more than 100 levels deep");
  }

  @Test
  void aHundredLevelsAreStillRead() {
    Decoded d = ManifestDecoder.decode("ok.yaml", brackets(100));

    assertThat(d.errors()).isEmpty();
    assertThat(d.skipped()).hasSize(1);
  }

  @Test
  void aliasesThatStackUpBeyondTheLimitAreAnError() {
    StringBuilder text = new StringBuilder("l0: &a0 " + brackets(20) + "\n");
    for (int i = 1; i <= 3; i++) {
      text.append("l").append(i).append(": &a").append(i);
      text.append(" [".repeat(40)).append("*a").append(i - 1).append("]".repeat(40)).append('\n');
    }

    Decoded d = ManifestDecoder.decode("alias.yaml", text.toString());

    assertThat(d.errors()).singleElement().satisfies(e -> assertThat(e.line()).isEqualTo(3));
    assertThat(d.errors().get(0).message()).contains("nested more than 100 levels deep");
  }

  @Test
  void theStatusPatcherRefusesDeepNestingWithLineAndColumn() {
    String text = VM_HEAD + "status:\n  x: " + brackets(5_000) + "\n";
    // the document and status are two levels: the 99th bracket, at column 6 + 98, is the 101st

    assertThatThrownBy(
            () -> StatusPatcher.patch(text, "a", Map.of("running", true), Optional.empty()))
        .isInstanceOf(ManifestException.class)
        .hasMessage(":9:104: not valid YAML: nested more than 100 levels deep");
  }

  @Test
  void theStatusPatcherRefusesAnAliasThatContainsItself() {
    String text = VM_HEAD + "status: &s\n  running: true\n  x: [*s]\n";

    assertThatThrownBy(
            () -> StatusPatcher.patch(text, "a", Map.of("running", true), Optional.empty()))
        .isInstanceOf(ManifestException.class)
        .hasMessage(":10:7: not valid YAML: the alias *s is inside the node it names");
  }

  @Test
  void theDecoderRefusesAnAliasThatContainsItself() {
    String text = VM_HEAD + "status: &s\n  running: true\n  x: [*s]\n";

    assertThat(ManifestDecoder.decode("vm.yaml", text).errors())
        .singleElement()
        .hasToString("vm.yaml:10:7: invalid YAML: the alias *s is inside the node it names");
  }
}
