package dev.ignite.cli;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** A logger of {@link StderrLogging}: each event is built whole, then written once to stderr. */
final class StderrLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;
  private final boolean fromSshd;

  StderrLogger(String name) {
    this.name = name;
    this.fromSshd = name.startsWith("org.apache.sshd") || name.startsWith("org.eclipse.jgit");
  }

  @Override
  public boolean isTraceEnabled() {
    return StderrLogging.enabled(Level.TRACE, fromSshd);
  }

  @Override
  public boolean isDebugEnabled() {
    return StderrLogging.enabled(Level.DEBUG, fromSshd);
  }

  @Override
  public boolean isInfoEnabled() {
    return StderrLogging.enabled(Level.INFO, fromSshd);
  }

  @Override
  public boolean isWarnEnabled() {
    return StderrLogging.enabled(Level.WARN, fromSshd);
  }

  @Override
  public boolean isErrorEnabled() {
    return StderrLogging.enabled(Level.ERROR, fromSshd);
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null; // no caller data is printed
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] arguments, Throwable thrown) {
    String message = MessageFormatter.basicArrayFormat(pattern, arguments);
    // One write of the whole text: PrintStream locks per call, so two threads never interleave.
    System.err.print(LogLine.of(level, name, message, thrown));
  }
}
