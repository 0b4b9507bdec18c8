package dev.ignite.gitops;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's loop: a sync every interval, at once when triggered (a webhook), sooner again after
 * a failure (backing off up to the interval). A failed sync never stops the loop.
 */
public final class GitopsDaemon implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GitopsDaemon.class);
  static final Duration FIRST_RETRY = Duration.ofSeconds(2);

  private final Sync sync;
  private final Duration interval;
  private final String repository;
  private final String branch;
  private final Consumer<SyncReport> listener;
  private final Semaphore wake = new Semaphore(0);
  private final AtomicReference<SyncReport> last = new AtomicReference<>();
  private final AtomicReference<Optional<String>> lastRevision =
      new AtomicReference<>(Optional.empty());
  private final AtomicLong syncs = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private volatile boolean closed;

  public GitopsDaemon(
      Sync sync,
      Duration interval,
      String repository,
      String branch,
      Consumer<SyncReport> listener) {
    this.sync = sync;
    this.interval = interval;
    this.repository = repository;
    this.branch = branch;
    this.listener = listener;
  }

  /** Syncs until {@link #close}; returns then. */
  public void run() {
    Duration retry = FIRST_RETRY;
    while (!closed) {
      SyncReport report = syncOnce();
      Duration wait = interval;
      if (!report.ok()) {
        wait = retry.compareTo(interval) < 0 ? retry : interval;
        retry = retry.multipliedBy(2);
      } else {
        retry = FIRST_RETRY;
      }
      sleep(wait);
    }
  }

  /** One sync now, on the caller's thread. */
  public SyncReport syncOnce() {
    SyncReport report;
    try {
      report = sync.run();
    } catch (RuntimeException e) {
      LOG.error("sync of {} failed unexpectedly; will try again", repository, e);
      report =
          new SyncReport(
              java.time.Instant.now(),
              Duration.ZERO,
              Optional.empty(),
              Optional.empty(),
              List.of(),
              List.of(),
              0,
              Optional.of(e.toString()));
    }
    syncs.incrementAndGet();
    if (!report.ok()) {
      failed.incrementAndGet();
    }
    report.revision().ifPresent(r -> lastRevision.set(Optional.of(r.id())));
    last.set(report);
    listener.accept(report);
    return report;
  }

  /** Asks for a sync as soon as the current one (if any) ends; bursts coalesce into one. */
  public void trigger() {
    if (wake.availablePermits() == 0) {
      wake.release();
    }
  }

  public DaemonStatus status() {
    SyncReport r = last.get();
    return new DaemonStatus(
        repository,
        branch,
        lastRevision.get(),
        Optional.ofNullable(r).map(SyncReport::started),
        Optional.ofNullable(r).map(SyncReport::took),
        Optional.ofNullable(r).flatMap(SyncReport::error),
        syncs.get(),
        failed.get(),
        r == null ? List.of() : r.vms());
  }

  private void sleep(Duration wait) {
    try {
      if (wake.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        wake.drainPermits();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    wake.release();
  }
}
