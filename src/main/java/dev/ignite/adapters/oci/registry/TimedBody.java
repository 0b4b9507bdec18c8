package dev.ignite.adapters.oci.registry;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A download with a deadline for the whole of it and a limit on time without a byte: a watchdog
 * closes the body when either passes, and the reader sees why. A per-read timeout alone lets a
 * registry that sends a byte now and then hold an import forever.
 */
final class TimedBody extends InputStream {
  /** The download took too long; not worth retrying. */
  static final class Expired extends IOException {
    Expired(String message) {
      super(message);
    }
  }

  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "ignite-download-watchdog");
            t.setDaemon(true);
            return t;
          });

  private final InputStream in;
  private final String what;
  private final Duration total;
  private final Duration idle;
  private final long start = System.nanoTime();
  private final ScheduledFuture<?> watch;
  private volatile long lastByte = start;
  private volatile String expired;
  private long bytes;

  /** {@code what} names the download in messages ("blob sha256:… from registry r"). */
  TimedBody(InputStream in, String what, Duration total, Duration idle) {
    this.in = in;
    this.what = what;
    this.total = total;
    this.idle = idle;
    long period = Math.max(50, Math.min(1000, Math.min(total.toMillis(), idle.toMillis()) / 4));
    this.watch =
        WATCHDOG.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
  }

  private void check() {
    long now = System.nanoTime();
    if (now - start > total.toNanos()) {
      expire("did not arrive within " + seconds(total));
    } else if (now - lastByte > idle.toNanos()) {
      expire("stalled: no byte for " + seconds(idle));
    }
  }

  private void expire(String why) {
    expired = why;
    watch.cancel(false);
    try {
      in.close(); // wakes a read blocked on the connection
    } catch (IOException e) {
      // it is being given up anyway
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n;
    try {
      n = in.read(b, off, len);
    } catch (IOException e) {
      throw expired != null ? expiredError() : e;
    }
    if (expired != null) {
      throw expiredError();
    }
    if (n > 0) {
      bytes += n;
      lastByte = System.nanoTime();
    }
    return n;
  }

  private Expired expiredError() {
    return new Expired(what + " " + expired + " (" + bytes + " bytes had arrived)");
  }

  @Override
  public void close() throws IOException {
    watch.cancel(false);
    in.close();
  }

  private static String seconds(Duration d) {
    return d.toSeconds() + " s";
  }
}
