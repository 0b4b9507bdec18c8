package dev.ignite.adapters.ssh;

import dev.ignite.ports.GuestGoneException;
import dev.ignite.ports.GuestShellException;
import dev.ignite.ports.SshTarget;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Waits for a booting guest's SSH banner with overlapping probes: a fresh connection every {@link
 * #INTERVAL}, each listening up to {@link #LIFETIME}. A connection made before the guest had its
 * address stays silent while QEMU's user-mode stack retries its SYN with growing back-off, so a new
 * probe, not a longer wait on an old one, is what notices a guest that just began to listen. A
 * minimal kernel answers in about two seconds, so the gap between probes (half of it is lost on
 * average) is kept short: a probe is one loopback connection, cheap for host and guest alike.
 */
final class ReadinessProbes {
  static final Duration INTERVAL = Duration.ofMillis(50);
  static final Duration LIFETIME = Duration.ofMillis(1500);

  private ReadinessProbes() {}

  /** True once a banner arrived; false when {@code deadlineNanos} passed first. */
  static boolean awaitBanner(SshTarget target, long deadlineNanos, BooleanSupplier guestAlive) {
    CompletableFuture<Void> banner = new CompletableFuture<>();
    ExecutorService probes =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "ssh-banner-probe");
              t.setDaemon(true);
              return t;
            });
    try {
      while (System.nanoTime() < deadlineNanos) {
        if (!guestAlive.getAsBoolean()) {
          throw new GuestGoneException("the guest stopped before SSH on " + target + " answered");
        }
        probes.execute(() -> probe(target, banner));
        if (waitFor(banner, INTERVAL)) {
          return true;
        }
      }
      return banner.isDone();
    } finally {
      probes.shutdownNow();
    }
  }

  private static void probe(SshTarget target, CompletableFuture<Void> banner) {
    if (!banner.isDone() && SshBanner.answers(target.host(), target.port(), LIFETIME)) {
      banner.complete(null);
    }
  }

  private static boolean waitFor(CompletableFuture<Void> banner, Duration d) {
    try {
      banner.get(d.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GuestShellException("interrupted while waiting for SSH", e);
    }
  }
}
