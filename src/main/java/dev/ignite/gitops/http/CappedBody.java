package dev.ignite.gitops.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import javax.crypto.Mac;

/**
 * Reads a request body of at most a cap, feeding it to an HMAC on the way: the body is never kept,
 * so its size costs no memory, only the cap's worth of reading.
 */
final class CappedBody {
  private CappedBody() {}

  /**
   * Reads {@code in} to its end through {@code mac}; false (and stops reading) once it passes
   * {@code cap} bytes.
   */
  static boolean read(InputStream in, long cap, Optional<Mac> mac) throws IOException {
    byte[] buffer = new byte[8192];
    long total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
      if (total > cap) {
        return false;
      }
      if (mac.isPresent()) {
        mac.get().update(buffer, 0, n);
      }
    }
    return true;
  }
}
