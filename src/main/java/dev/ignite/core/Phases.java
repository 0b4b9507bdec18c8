package dev.ignite.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Wall time of the phases of one {@code run} or {@code start}, logged at debug level in one line:
 * the overhead of {@code ignite run} over a bare QEMU boot is measured phase by phase (bench 1).
 */
final class Phases {
  private final long started = System.nanoTime();
  private final List<String> timings = new ArrayList<>();

  /** Runs {@code work} and records how long it took under {@code name}. */
  <T> T time(String name, Supplier<T> work) {
    long t0 = System.nanoTime();
    try {
      return work.get();
    } finally {
      record(name, t0);
    }
  }

  void time(String name, Runnable work) {
    time(
        name,
        () -> {
          work.run();
          return null;
        });
  }

  /** Records a phase that began at {@code t0} ({@link System#nanoTime()}) and ends now. */
  synchronized void record(String name, long t0) {
    timings.add(name + " " + millis(t0) + " ms");
  }

  synchronized String summary() {
    return String.join(", ", timings) + "; total " + millis(started) + " ms";
  }

  private static long millis(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }
}
