package dev.ignite.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Inputs on which StatusPatcherFuzzTest once found a broken property, as named regressions; each
 * failing input also stays in its corpus (StatusPatcherFuzzTestInputs).
 */
class StatusPatcherFindingsTest {
  private static final String HEAD =
      "apiVersion: ignite.weave.works/v1alpha4\nkind: VM\nmetadata:\n  name: my-vm\n";
  private static final Map<String, Object> RUNNING = Map.of("running", true);

  private static String patch(String text, Map<String, Object> status) {
    return PatchProperties.patchAndCheck(text, "my-vm", status, Optional.empty());
  }

  /** crash-d5b8c04c…: the comments between `status:` and a scalar below it were dropped. */
  @Test
  void keepsTheCommentsAboveAScalarStatusWrittenBelowItsKey() {
    String text = HEAD + "status:   # written by ignited\n  # running: false\n  not a mapping\n";

    assertThat(patch(text, RUNNING))
        .isEqualTo(HEAD + "status:   # written by ignited\n  # running: false\n  running: true\n");
    assertThat(patch(text, Map.of()))
        .isEqualTo(HEAD + "status: {}   # written by ignited\n  # running: false\n");
  }

  @Test
  void indentsTheNewStatusUnderItsKeyWhenTheOldOneWasASequenceFlushWithIt() {
    String text = HEAD + "status: # c\n# x\n- a\n- b\nspec: {}\n";

    assertThat(patch(text, RUNNING))
        .isEqualTo(HEAD + "status: # c\n# x\n  running: true\nspec: {}\n");
  }

  /** crash-3314958b…: a status appended at the first key's column, one past the `?` before it. */
  @Test
  void appendsAtTheMappingsOwnIndentWhenItsFirstKeyIsExplicit() {
    String text = "? # a comment, then an empty key\n" + HEAD.substring(0, HEAD.length() - 1);

    assertThat(patch(text, RUNNING)).isEqualTo(text + "\nstatus:\n  running: true");
  }

  @Test
  void addsTheUidAtTheIndentOfAMetadataWhoseFirstKeyIsExplicit() {
    String text =
        "apiVersion: ignite.weave.works/v1alpha4\nkind: VM\nmetadata:\n  ? name\n  : my-vm\n";

    assertThat(PatchProperties.patchAndCheck(text, "my-vm", RUNNING, Optional.of("0a1b")))
        .isEqualTo(text + "  uid: 0a1b\nstatus:\n  running: true\n");
  }

  @Test
  void addsTheUidUnderAMetadataWithAnAnchorOnItsKeyLine() {
    String text =
        "apiVersion: ignite.weave.works/v1alpha4\nkind: VM\nmetadata: &m\n  name: my-vm\n";

    assertThat(PatchProperties.patchAndCheck(text, "my-vm", RUNNING, Optional.of("0a1b")))
        .isEqualTo(text + "  uid: 0a1b\nstatus:\n  running: true\n");
  }

  @Test
  void readsTheSequenceIndentOfASequenceWithAnAnchor() {
    String text = HEAD + "spec:\n  network:\n    ports: &p\n      - {hostPort: 1, vmPort: 2}\n";
    Map<String, Object> status = Map.of("network", Map.of("ipAddresses", java.util.List.of("a")));

    assertThat(patch(text, status))
        .isEqualTo(text + "status:\n  network:\n    ipAddresses:\n      - a\n");
  }

  /**
   * crash-3cb8b3a1…: a status that is only a tag (an empty value, as `status:` alone) was taken for
   * nothing after the colon: the new status went in before the tag, which then read as part of it
   * (`running: "true !tag"`), or tagged the new mapping.
   */
  @Test
  void replacesAStatusThatIsATagWithNoValueBelowItsKey() {
    String text = HEAD + "status:\n    !tag\n";

    assertThat(patch(text, RUNNING)).isEqualTo(HEAD + "status:\n    running: true\n");
  }

  @Test
  void replacesAStatusThatIsATagWithNoValueOnItsKeysLine() {
    String text = HEAD + "status: !tag\nspec: {}\n";

    assertThat(patch(text, RUNNING)).isEqualTo(HEAD + "status:\n  running: true\nspec: {}\n");
  }

  @Test
  void replacesAStatusThatIsAnAnchorWithNoValue() {
    String text = HEAD + "status: &s\nspec: {}\n";

    assertThat(patch(text, RUNNING)).isEqualTo(HEAD + "status:\n  running: true\nspec: {}\n");
  }
}
