package dev.ignite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

class LogLineTest {
  private static final String NL = System.lineSeparator();

  @Test
  void printsLevelShortLoggerNameAndMessage() {
    assertThat(LogLine.of(Level.WARN, "dev.ignite.core.VmService", "VM a is gone", null))
        .isEqualTo("WARN VmService: VM a is gone" + NL);
  }

  @Test
  void printsTheExceptionAndItsCausesBelowTheLine() {
    var cause = new IllegalStateException("disk full");
    String text =
        LogLine.of(
            Level.ERROR,
            "dev.ignite.core.VmService",
            "build failed",
            new RuntimeException("wrapped", cause));
    assertThat(text)
        .startsWith(
            "ERROR VmService: build failed" + NL + "java.lang.RuntimeException: wrapped" + NL)
        .contains(NL + "Caused by: java.lang.IllegalStateException: disk full" + NL)
        .contains("\tat dev.ignite.cli.LogLineTest.")
        .endsWith(NL);
  }

  @Test
  void printsACauseChainThatLoopsBackOnlyOnce() {
    var first = new IllegalStateException("first");
    var second = new IllegalArgumentException("second", first);
    first.initCause(second);
    String text = LogLine.of(Level.ERROR, "Root", "loop", first);
    assertThat(text).containsOnlyOnce("java.lang.IllegalStateException: first");
    assertThat(text).containsOnlyOnce("Caused by: java.lang.IllegalArgumentException: second");
  }

  @Test
  void keepsALoggerNameWithoutDotsWhole() {
    assertThat(LogLine.of(Level.INFO, "ROOT", "up", null)).isEqualTo("INFO ROOT: up" + NL);
  }
}
