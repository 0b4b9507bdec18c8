package dev.ignite.adapters.oci;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/** An HTTP/1.1 body in the chunked transfer coding; chunk extensions and trailers are skipped. */
final class ChunkedBody extends ArrayInputStream {
  private static final int MAX_TRAILERS = 64 << 10;
  private final InputStream in;
  private long left; // of the current chunk
  private boolean ended;
  private boolean started;

  ChunkedBody(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (left == 0 && !nextChunk()) {
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, left));
    if (n < 0) {
      throw new EOFException("the connection closed inside a chunk");
    }
    left -= n;
    return n;
  }

  /** False at the last (empty) chunk, after its trailers. */
  private boolean nextChunk() throws IOException {
    if (ended) {
      return false;
    }
    int[] budget = {MAX_TRAILERS};
    if (started && !HttpSocket.line(in, budget).isEmpty()) {
      throw new IOException("chunk not followed by CRLF");
    }
    started = true;
    String line = HttpSocket.line(in, budget);
    int semi = line.indexOf(';');
    String hex = (semi < 0 ? line : line.substring(0, semi)).trim();
    if (hex.isEmpty() || hex.length() > 15) {
      throw new IOException("bad chunk size '" + hex + "'");
    }
    try {
      left = Long.parseLong(hex, 16);
    } catch (NumberFormatException e) {
      throw new IOException("bad chunk size '" + hex + "'");
    }
    if (left < 0) {
      throw new IOException("bad chunk size '" + hex + "'");
    }
    if (left == 0) {
      while (!HttpSocket.line(in, budget).isEmpty()) {
        // trailers: nothing here reads them
      }
      ended = true;
      return false;
    }
    return true;
  }
}
