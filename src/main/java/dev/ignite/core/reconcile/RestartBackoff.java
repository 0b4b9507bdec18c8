package dev.ignite.core.reconcile;

import dev.ignite.api.Uid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spaces out the starts of a VM that keeps dying or failing: 10 s after the first, doubling up to 5
 * minutes; a VM that stayed up for 10 minutes since its last start is forgiven.
 */
public final class RestartBackoff {
  static final Duration FIRST = Duration.ofSeconds(10);
  static final Duration MAX = Duration.ofMinutes(5);
  static final Duration FORGIVEN_AFTER = Duration.ofMinutes(10);

  private final Clock clock;
  private final Map<Uid, Attempts> attempts = new ConcurrentHashMap<>();

  public RestartBackoff(Clock clock) {
    this.clock = clock;
  }

  private record Attempts(int count, Instant last) {}

  /** Empty when the VM may be started now, else words saying when it will be tried again. */
  Optional<String> waitBeforeStart(Uid uid) {
    Attempts a = attempts.get(uid);
    if (a == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (Duration.between(a.last(), now).compareTo(FORGIVEN_AFTER) >= 0) {
      attempts.remove(uid);
      return Optional.empty();
    }
    Instant next = a.last().plus(delay(a.count()));
    if (!now.isBefore(next)) {
      return Optional.empty();
    }
    long seconds = Math.max(1, Duration.between(now, next).toSeconds());
    return Optional.of("start attempt " + (a.count() + 1) + " in " + seconds + " s (backing off)");
  }

  /** A start failed, or restarted a VM that had died: the next one waits longer. */
  void attempted(Uid uid) {
    record(uid);
  }

  void forget(Uid uid) {
    attempts.remove(uid);
  }

  private void record(Uid uid) {
    Instant now = clock.instant();
    attempts.merge(uid, new Attempts(1, now), (old, x) -> new Attempts(old.count() + 1, now));
  }

  static Duration delay(int count) {
    Duration d = FIRST.multipliedBy(1L << Math.min(count - 1, 10));
    return d.compareTo(MAX) > 0 ? MAX : d;
  }
}
