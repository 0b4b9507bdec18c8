package dev.ignite.adapters.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

  @Test
  void leavesPlainWordsAlone() {
    assertThat(ShellWords.join(List.of("uname", "-r", "/tmp/a.txt", "k=v")))
        .isEqualTo("uname -r /tmp/a.txt k=v");
  }

  @Test
  void quotesSpacesAndShellSyntax() {
    assertThat(ShellWords.quote("a b")).isEqualTo("'a b'");
    assertThat(ShellWords.quote("$(rm -rf /); `x` | & > *"))
        .isEqualTo("'$(rm -rf /); `x` | & > *'");
  }

  @Test
  void closesAndReopensAroundSingleQuotes() {
    assertThat(ShellWords.quote("it's")).isEqualTo("'it'\\''s'");
  }

  @Test
  void keepsEmptyWordsAsWords() {
    assertThat(ShellWords.join(List.of("printf", "%s|", ""))).isEqualTo("printf '%s|' ''");
  }

  @Test
  void quotesNewlinesLiterally() {
    assertThat(ShellWords.quote("a\nb")).isEqualTo("'a\nb'");
  }

  @Test
  void refusesNulBytesAndEmptyCommands() {
    assertThatThrownBy(() -> ShellWords.quote("a\0b")).hasMessageContaining("NUL");
    assertThatThrownBy(() -> ShellWords.join(List.of())).hasMessageContaining("no command");
  }
}
