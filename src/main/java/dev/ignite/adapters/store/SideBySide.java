package dev.ignite.adapters.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs blocking file work on several threads at once: the work waits on the disk, not the CPU, so
 * more threads than cores help (the common fork-join pool has one thread on two cores).
 */
final class SideBySide {
  private static final int THREADS = 16;

  private SideBySide() {}

  /** Runs {@code work} on every item; returns when all are done, throwing the first failure. */
  static <T> void run(List<T> items, Consumer<T> work) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(THREADS, items.size()));
    try {
      List<Future<?>> running = new ArrayList<>();
      for (T item : items) {
        running.add(pool.submit(() -> work.accept(item)));
      }
      for (Future<?> f : running) {
        f.get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing the state", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
