package dev.ignite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class LogLineTest {
  private final LoggerContext context = new LoggerContext();
  private final Logger logger = context.getLogger("dev.ignite.core.VmService");

  @Test
  void printsLevelShortLoggerNameAndMessage() {
    var event =
        new LoggingEvent("x", logger, Level.WARN, "VM {} is gone", null, new Object[] {"a"});
    assertThat(new LogLine().doLayout(event))
        .isEqualTo("WARN VmService: VM a is gone" + System.lineSeparator());
  }

  @Test
  void printsTheExceptionAndItsCausesBelowTheLine() {
    var cause = new IllegalStateException("disk full");
    var event =
        new LoggingEvent(
            "x", logger, Level.ERROR, "build failed", new RuntimeException("wrapped", cause), null);
    String text = new LogLine().doLayout(event);
    assertThat(text)
        .startsWith("ERROR VmService: build failed" + System.lineSeparator())
        .contains("java.lang.RuntimeException: wrapped")
        .contains("Caused by: java.lang.IllegalStateException: disk full")
        .contains("\tat dev.ignite.cli.LogLineTest.");
  }
}
