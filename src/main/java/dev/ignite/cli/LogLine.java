package dev.ignite.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.LayoutBase;

/**
 * One log event as {@code LEVEL Logger: message}, and the exception's trace below it if there is
 * one. Written by hand because Logback's PatternLayout links some 50 converter lambdas at start-up:
 * about 60 ms of every CLI call, for one fixed format.
 */
final class LogLine extends LayoutBase<ILoggingEvent> {
  @Override
  public String doLayout(ILoggingEvent event) {
    StringBuilder b = new StringBuilder(128);
    String logger = event.getLoggerName();
    b.append(event.getLevel())
        .append(' ')
        .append(logger, logger.lastIndexOf('.') + 1, logger.length())
        .append(": ")
        .append(event.getFormattedMessage())
        .append(System.lineSeparator());
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      b.append(t == event.getThrowableProxy() ? "" : "Caused by: ")
          .append(t.getClassName())
          .append(": ")
          .append(t.getMessage())
          .append(System.lineSeparator());
      for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
        b.append("\tat ").append(frame.getStackTraceElement()).append(System.lineSeparator());
      }
    }
    return b.toString();
  }
}
