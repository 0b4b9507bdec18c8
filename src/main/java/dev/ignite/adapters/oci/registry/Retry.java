package dev.ignite.adapters.oci.registry;

import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounded retries with doubling backoff for connection errors and 5xx or 429 answers; nothing else.
 */
public final class Retry {
  private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

  interface Call<T> {
    T run() throws IOException;
  }

  private final int attempts;
  private final Duration firstDelay;

  public Retry(int attempts, Duration firstDelay) {
    this.attempts = attempts;
    this.firstDelay = firstDelay;
  }

  <T> T call(String what, String registry, Call<T> call) {
    RuntimeException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        return call.run();
      } catch (IOException | UncheckedIOException e) {
        IOException io = asIo(e);
        if (io instanceof TimedBody.Expired) {
          throw new ImageException(
              io.getMessage() + "; the registry or the network is too slow for this import", io);
        }
        var tls = TlsFailure.of(io, registry);
        if (tls.isPresent()) {
          throw tls.get();
        }
        last = new UncheckedIOException(e.getMessage(), io);
      } catch (RegistryError e) {
        if (!e.isTransient()) {
          throw e;
        }
        last = e;
      }
      LOG.debug(
          "{} from {} failed (attempt {}/{}): {}",
          what,
          registry,
          attempt,
          attempts,
          last.toString());
      sleep(firstDelay.multipliedBy(1L << (attempt - 1)));
    }
    throw new ImageException(
        "registry "
            + registry
            + " did not answer "
            + what
            + " after "
            + attempts
            + " attempts: "
            + rootMessage(last)
            + "; check that it is running and reachable (a plain-HTTP registry needs"
            + " --insecure-registry HOST:PORT)",
        last);
  }

  private static IOException asIo(Exception e) {
    return e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
  }

  private static String rootMessage(Throwable t) {
    Throwable root = rootCause(t);
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.toString();
  }

  static Throwable rootCause(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageException("interrupted while waiting to retry", e);
    }
  }
}
