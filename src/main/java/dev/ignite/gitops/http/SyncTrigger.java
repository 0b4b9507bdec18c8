package dev.ignite.gitops.http;

import java.time.Duration;

/**
 * A "sync now" request that coalesces: any number of {@link #run} calls while the loop is busy
 * leave one request, which the loop's next {@link #await} takes. {@link #run} never blocks, so the
 * webhook may call it from an HTTP thread.
 */
public final class SyncTrigger implements Runnable {
  private boolean requested;

  /** Requests a sync. */
  @Override
  public synchronized void run() {
    requested = true;
    notifyAll();
  }

  /**
   * Waits up to {@code timeout} for a request; true if one came, and takes it, false when the time
   * ran out first.
   */
  public synchronized boolean await(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (long left = timeout.toNanos();
        !requested && left > 0;
        left = deadline - System.nanoTime()) {
      wait(left / 1_000_000, (int) (left % 1_000_000));
    }
    boolean took = requested;
    requested = false;
    return took;
  }
}
