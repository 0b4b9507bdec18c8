package dev.ignite.cli;

import java.time.Duration;
import java.time.Instant;

/** Short relative times for tables: {@code 42s}, {@code 5m}, {@code 3h}, {@code 12d}. */
final class Ages {
  private Ages() {}

  static String since(Instant then, Instant now) {
    if (then == null) {
      return "?";
    }
    long s = Math.max(0, Duration.between(then, now).getSeconds());
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return s / 60 + "m";
    }
    if (s < 48 * 3600) {
      return s / 3600 + "h";
    }
    return s / 86400 + "d";
  }
}
