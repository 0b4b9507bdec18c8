package dev.ignite.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Configures Logback in code (found through ServiceLoader), so start-up scans for no XML file:
 * messages go to stderr at the level of {@code --log-level} (warn by default).
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
  static final String LEVEL_PROPERTY = "ignite.log.level";
  private static volatile Thread starting;

  /**
   * Starts Logback on a thread of its own (about 50 ms), so the command line is parsed and the
   * command begins meanwhile on the other core. Loggers asked for before it is done are SLF4J's
   * stand-ins, which replay their events once it is.
   */
  public static void startInBackground() {
    // SLF4J would say on stderr that it replayed those events: that is expected here, not news.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
    Thread t = new Thread(org.slf4j.LoggerFactory::getILoggerFactory, "log-setup");
    t.setDaemon(true);
    starting = t;
    t.start();
  }

  private static void awaitStart() {
    Thread t = starting;
    if (t != null) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Sets the level for loggers made from now on and for those already made: picocli builds the
   * command objects (some with a static logger) before it parses {@code --log-level}.
   */
  static void setLevel(String level) {
    System.setProperty(LEVEL_PROPERTY, level);
    awaitStart();
    if (org.slf4j.LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      applyLevel(context);
    }
  }

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    LogLine layout = new LogLine();
    layout.setContext(context);
    layout.start();
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    encoder.setLayout(layout);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
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
