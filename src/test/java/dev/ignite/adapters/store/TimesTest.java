package dev.ignite.adapters.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-25T20:42:39Z",
        "1970-01-01T00:00:00Z",
        "2024-02-29T23:59:59Z",
        "2026-11-25T20:42:39.123Z",
        "2026-11-25T24:00:00Z"
      })
  void agreesWithInstantParse(String text) {
    assertThat(Times.parse(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02-30T00:00:00Z", "2026-1a-25T20:42:39Z"})
  void refusesWhatInstantParseRefuses(String text) {
    assertThatThrownBy(() -> Times.parse(text)).isInstanceOf(java.time.DateTimeException.class);
  }
}
