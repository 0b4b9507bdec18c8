package dev.ignite.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Text that is not YAML is reported where it stops being YAML, by decoder and patcher alike. */
class YamlFailureTest {
  private static final String WITH_NUL =
      "apiVersion: ignite.weave.works/v1alpha4\r\nkind: VM\r\nmetadata:\r\n  name: my-vm\u0000\r\n";

  @Test
  void theDecoderNamesTheLineAndColumnOfAForbiddenCharacter() {
    assertThat(ManifestDecoder.decode("vm.yaml", WITH_NUL).errors())
        .singleElement()
        .hasToString("vm.yaml:4:14: invalid YAML: the character U+0000 is not allowed");
  }

  /** Found by StatusPatcherFuzzTest (crash-4979ee2c…): a NUL byte gave an error at line 0. */
  @Test
  void theStatusPatcherNamesTheLineAndColumnOfAForbiddenCharacter() {
    assertThatThrownBy(
            () -> StatusPatcher.patch(WITH_NUL, "my-vm", Map.of("running", true), Optional.empty()))
        .isInstanceOf(ManifestException.class)
        .hasMessage(":4:14: not valid YAML: the character U+0000 is not allowed");
  }

  @Test
  void positionsCountCodePointsAndEveryKindOfLineBreak() {
    String text = "a: 😀\rb: é\nc: x\r\nd: \u0007";

    assertThat(ManifestDecoder.decode("f.yaml", text).errors())
        .singleElement()
        .hasToString("f.yaml:4:4: invalid YAML: the character U+0007 is not allowed");
  }

  /**
   * Found by VmFileFuzzTest (crash-1c180cfd…): snakeyaml-engine's composer throws an
   * IllegalArgumentException for a tag it cannot build, which escaped the decoder and `ignite ps`.
   */
  @Test
  void aTagTheYamlReaderCannotBuildIsALocatedError() {
    String text = "apiVersion: v1\nkind: !5%c";

    assertThat(ManifestDecoder.decode("f.yaml", text).errors())
        .singleElement()
        .hasToString(
            "f.yaml:2:7: invalid YAML: the reader refused this node: Tag must not contain leading"
                + " or trailing spaces.");
    assertThatThrownBy(
            () -> StatusPatcher.patch(text, "my-vm", Map.of("running", true), Optional.empty()))
        .isInstanceOf(ManifestException.class)
        .hasMessageStartingWith(":2:7: not valid YAML: the reader refused this node");
  }
}
