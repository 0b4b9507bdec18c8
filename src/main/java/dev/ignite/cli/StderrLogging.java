package dev.ignite.cli;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * Our SLF4J provider: every event is one {@link LogLine} on stderr. Logback did the same in about
 * 20 ms of CPU per call and 50 ms to a first logger, which every `ignite` call (a fresh JVM) paid;
 * we used none of its features beyond one appender, one format and a level.
 *
 * <p>The level comes from {@code -Dignite.log.level} (warn by default) and {@link #setLevel} may
 * change it at any time, for loggers already made too: picocli builds the command objects (some
 * with a static logger) before it parses {@code --log-level}.
 */
public final class StderrLogging implements SLF4JServiceProvider, ILoggerFactory {
  static final String LEVEL_PROPERTY = "ignite.log.level";

  /** The one level every logger reads; loggers keep no level of their own. */
  private static volatile Level level = parse(System.getProperty(LEVEL_PROPERTY));

  private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
  private final IMarkerFactory markers = new BasicMarkerFactory();

  /**
   * Names this provider to SLF4J, which then loads it directly instead of asking ServiceLoader to
   * search the JDK's modules and every jar: a first logger in 2 ms instead of 4.5, on every call.
   * Called first in {@code main}; tests and other entry points find us through ServiceLoader.
   */
  public static void nameToSlf4j() {
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", StderrLogging.class.getName());
      // SLF4J then notes on stderr that it loads the named provider: expected here, not news.
      if (System.getProperty("slf4j.internal.verbosity") == null) {
        System.setProperty("slf4j.internal.verbosity", "WARN");
      }
    }
  }

  /** Sets the level by name: trace, debug, info, warn or error (anything else means warn). */
  public static void setLevel(String name) {
    level = parse(name);
  }

  static Level parse(String name) {
    if (name != null) {
      switch (name.trim().toLowerCase(Locale.ROOT)) {
        case "trace":
          return Level.TRACE;
        case "debug":
          return Level.DEBUG;
        case "info":
          return Level.INFO;
        case "error":
          return Level.ERROR;
        default:
          break;
      }
    }
    return Level.WARN;
  }

  /**
   * Whether an event of {@code event}'s level is printed. MINA warns about every refused connection
   * while a guest boots, and our own error says it all: its loggers print only errors unless the
   * level asks for info or more.
   */
  static boolean enabled(Level event, boolean fromSshd) {
    Level threshold = level;
    if (fromSshd && threshold.toInt() >= Level.WARN.toInt()) {
      threshold = Level.ERROR;
    } else if (fromSshd && threshold == Level.INFO) {
      threshold = Level.WARN; // a daemon at info: its own events, not MINA's or JGit's chatter
    }
    return event.toInt() >= threshold.toInt();
  }

  @Override
  public Logger getLogger(String name) {
    return loggers.computeIfAbsent(name, StderrLogger::new);
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return this;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markers;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return new NOPMDCAdapter(); // nothing here reads the MDC
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {}
}
