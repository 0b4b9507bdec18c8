package dev.ignite.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Configures Logback in code (found through ServiceLoader), so start-up scans for no XML file:
 * messages go to stderr at the level of {@code --log-level} (warn by default).
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
  static final String LEVEL_PROPERTY = "ignite.log.level";

  /**
   * Sets the level for loggers made from now on and for those already made: picocli builds the
   * command objects (some with a static logger) before it parses {@code --log-level}.
   */
  static void setLevel(String level) {
    System.setProperty(LEVEL_PROPERTY, level);
    if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      applyLevel(context);
    }
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%level %logger{0}: %msg%n");
    encoder.start();
    ConsoleAppender<ch.qos.logback.classic.spi.ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(stderr);
    applyLevel(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  private static void applyLevel(LoggerContext context) {
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level level = Level.toLevel(System.getProperty(LEVEL_PROPERTY, "warn"), Level.WARN);
    root.setLevel(level);
    // MINA warns about every refused connection while a guest boots; our own error says it all.
    context
        .getLogger("org.apache.sshd")
        .setLevel(level.isGreaterOrEqual(Level.WARN) ? Level.ERROR : null);
  }
}
