package dev.ignite.adapters.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Whether an SSH server answers on a port: it sends its {@code SSH-2.0-…} identification first,
 * unasked. A TCP connect alone proves nothing here, because QEMU's user-mode port forward accepts
 * connections before the guest listens (and closes them, or leaves them silent, when it does not).
 */
final class SshBanner {
  /** RFC 4253 allows other lines before the identification; a server sends few and short ones. */
  private static final int MAX_BYTES = 1024;

  private static final byte[] PREFIX = "SSH-".getBytes(StandardCharsets.US_ASCII);

  private SshBanner() {}

  /** True when an identification line arrives within {@code wait} on a fresh connection. */
  static boolean answers(String host, int port, Duration wait) {
    return answers(new Socket(), host, port, wait);
  }

  /** As {@link #answers(String, int, Duration)} on {@code socket}, which it closes. */
  static boolean answers(Socket socket, String host, int port, Duration wait) {
    int millis = (int) Math.max(1, wait.toMillis());
    try (socket) {
      socket.connect(new InetSocketAddress(host, port), millis);
      socket.setSoTimeout(millis);
      return readsIdentification(socket.getInputStream());
    } catch (IOException e) {
      return false; // refused, reset, closed by the forward, or silent until the timeout
    }
  }

  /** Reads up to the first {@code SSH-} at the start of a line; false at end of stream. */
  static boolean readsIdentification(InputStream in) throws IOException {
    int matched = 0;
    boolean lineStart = true;
    for (int n = 0; n < MAX_BYTES; n++) {
      int b = in.read();
      if (b < 0) {
        return false;
      }
      if ((lineStart || matched > 0) && b == PREFIX[matched]) {
        if (++matched == PREFIX.length) {
          return true;
        }
        lineStart = false;
      } else {
        matched = 0;
        lineStart = b == '\n';
      }
    }
    return false;
  }
}
