package dev.ignite.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PatchScalarsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "yes",
        "No",
        "null",
        "~",
        "True",
        "123",
        "0x1F",
        "1e5",
        ".inf",
        "2026-11-02",
        "a: b",
        "#x",
        "",
        " x",
        "x ",
        "- x",
        "*a",
        "1.5",
        "10.0",
        "@x"
      })
  void quotesStringsThatYamlWouldReadAsSomethingElse(String s) {
    assertThat(PatchScalars.yaml(s)).startsWith("\"").endsWith("\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"qemu", "10.0.2.15", "my-vm", "user", "sha256-abc", "VM is up", "café"})
  void leavesPlainStringsPlain(String s) {
    assertThat(PatchScalars.yaml(s)).isEqualTo(s);
  }

  @Test
  void escapesControlCharactersAndLineSeparators() {
    assertThat(PatchScalars.quoted("a\nb\u0007\u2028\"\\"))
        .isEqualTo("\"a\\nb\\u0007\\u2028\\\"\\\\\"");
  }

  @Test
  void writesNumbersAndBooleansBare() {
    assertThat(PatchScalars.yaml(42L)).isEqualTo("42");
    assertThat(PatchScalars.json(true)).isEqualTo("true");
  }
}
