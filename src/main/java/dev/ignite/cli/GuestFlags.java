package dev.ignite.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The flags shared by the commands that reach into a guest: identity and time limit. */
final class GuestFlags {
  /** "No limit" for a guest command; a year outlasts any interactive use. */
  private static final Duration NO_LIMIT = Duration.ofDays(365);

  @Option(
      names = {"-i", "--identity"},
      paramLabel = "FILE",
      description = "Private key to log in with (default: the VM's own key)")
  Path identity;

  @Option(
      names = {"-t", "--timeout"},
      paramLabel = "SECONDS",
      description = "Give up after this many seconds (default: no limit)")
  long timeoutSeconds;

  Optional<Path> identity() {
    return Optional.ofNullable(identity);
  }

  Duration timeout() {
    if (timeoutSeconds < 0) {
      throw new CliException(
          "--timeout must be 0 (no limit) or more seconds, not " + timeoutSeconds);
    }
    return timeoutSeconds == 0 ? NO_LIMIT : Duration.ofSeconds(timeoutSeconds);
  }
}
