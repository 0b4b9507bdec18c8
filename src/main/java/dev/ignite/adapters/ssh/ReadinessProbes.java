package dev.ignite.adapters.ssh;

import dev.ignite.ports.GuestGoneException;
import dev.ignite.ports.GuestShellException;
import dev.ignite.ports.SshTarget;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Waits for a booting guest's SSH banner with overlapping probes: a fresh connection every {@link
 * #INTERVAL}, each listening up to {@link #LIFETIME}. A connection made before the guest had its
 * address stays silent while QEMU's user-mode stack retries its SYN with growing back-off, so a new
 * probe, not a longer wait on an old one, is what notices a guest that just began to listen. A
 * minimal kernel answers in about two seconds, so the gap between probes (half of it is lost on
 * average) is kept short: a probe is one loopback connection, cheap for host and guest alike.
 *
 * <p>Probes still waiting are closed when the wait ends: a thread blocked in a socket read is "in
 * native" to the JVM, and {@code System.exit} waits up to 300 ms for such threads (HotSpot's
 * VM_Exit), which every {@code ignite run --ssh} paid after printing its result.
 */
final class ReadinessProbes {
  static final Duration INTERVAL = Duration.ofMillis(50);
  static final Duration LIFETIME = Duration.ofMillis(1500);

  private ReadinessProbes() {}

  /** True once a banner arrived; false when {@code deadlineNanos} passed first. */
  static boolean awaitBanner(SshTarget target, long deadlineNanos, BooleanSupplier guestAlive) {
    return awaitBanner(target, deadlineNanos, guestAlive, LIFETIME);
  }

  /** As above, each probe listening up to {@code lifetime}. */
  static boolean awaitBanner(
      SshTarget target, long deadlineNanos, BooleanSupplier guestAlive, Duration lifetime) {
    CompletableFuture<Void> banner = new CompletableFuture<>();
    ExecutorService probes =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "ssh-banner-probe");
              t.setDaemon(true);
              return t;
            });
    Set<Socket> open = ConcurrentHashMap.newKeySet();
    AtomicBoolean ended = new AtomicBoolean();
    try {
      while (System.nanoTime() < deadlineNanos) {
        if (!guestAlive.getAsBoolean()) {
          throw new GuestGoneException("the guest stopped before SSH on " + target + " answered");
        }
        probes.execute(() -> probe(target, lifetime, banner, open, ended));
        if (waitFor(banner, INTERVAL)) {
          return true;
        }
      }
      return banner.isDone();
    } finally {
      ended.set(true);
      probes.shutdownNow();
      open.forEach(ReadinessProbes::closeQuietly);
    }
  }

  private static void probe(
      SshTarget target,
      Duration lifetime,
      CompletableFuture<Void> banner,
      Set<Socket> open,
      AtomicBoolean ended) {
    Socket socket = new Socket();
    open.add(socket);
    if (ended.get()) {
      closeQuietly(socket); // the wait ended before this probe was registered
    }
    try {
      if (!banner.isDone() && SshBanner.answers(socket, target.host(), target.port(), lifetime)) {
        banner.complete(null);
      }
    } finally {
      open.remove(socket);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // a probe's socket: nothing was written to it
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
