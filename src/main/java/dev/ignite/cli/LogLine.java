package dev.ignite.cli;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.slf4j.event.Level;

/** One log event as {@code LEVEL Logger: message}, and the exception's trace below it if any. */
final class LogLine {
  private LogLine() {}

  static String of(Level level, String logger, String message, Throwable thrown) {
    String nl = System.lineSeparator();
    StringBuilder b = new StringBuilder(128);
    b.append(level)
        .append(' ')
        .append(logger, logger.lastIndexOf('.') + 1, logger.length())
        .append(": ")
        .append(message)
        .append(nl);
    // A cause chain may loop back on itself; each throwable is printed once.
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
      b.append(t == thrown ? "" : "Caused by: ")
          .append(t.getClass().getName())
          .append(": ")
          .append(t.getMessage())
          .append(nl);
      for (StackTraceElement frame : t.getStackTrace()) {
        b.append("\tat ").append(frame).append(nl);
      }
    }
    return b.toString();
  }
}
