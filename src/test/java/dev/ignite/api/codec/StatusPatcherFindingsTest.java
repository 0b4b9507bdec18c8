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
}
