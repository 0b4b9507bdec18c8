package dev.ignite.cli;

/** A user error whose message is printed as it is, on one line, without a stack trace. */
final class CliException extends RuntimeException {
  CliException(String message) {
    super(message);
  }
}
