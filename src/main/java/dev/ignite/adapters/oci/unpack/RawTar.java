package dev.ignite.adapters.oci.unpack;

import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * A layer's uncompressed bytes as the tar reader pulls them, for what commons-compress does not
 * bound or forgive on its own. While the reader is between entries (headers, pax records, GNU long
 * names, sparse maps) it may read {@link #HEADER_BUDGET} bytes at most, so an entry's metadata
 * cannot grow without end. And a layer that ends inside the padding after its last entry's content
 * ends there: umoci 0.4.7 writes such layers and Go's reader (skopeo, umoci, Docker) accepts them,
 * so between entries the missing padding reads as zeros.
 */
final class RawTar extends InputStream {
  static final int HEADER_BUDGET = (1 << 20) + 4 * 512;
  private static final int RECORD = 512;
  private final InputStream in;
  private final byte[] one = new byte[1];
  private long offset;
  private boolean betweenEntries;
  private long headerStart;
  private long paddingLeft = -1;

  RawTar(InputStream in) {
    this.in = in;
  }

  /** Bytes read so far. */
  long offset() {
    return offset;
  }

  /** The reader goes on to the next entry's headers, which the budget then bounds. */
  void betweenEntries(boolean between) {
    betweenEntries = between;
    headerStart = offset;
  }

  @Override
  public int read() throws IOException {
    return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (betweenEntries) {
      long left = HEADER_BUDGET - (offset - headerStart);
      if (left <= 0) {
        throw new ImageException(
            "layer entry at byte "
                + headerStart
                + " has more than 1 MiB of headers (pax records, long names); refusing it");
      }
      len = (int) Math.min(len, left);
    }
    int n = paddingLeft >= 0 ? -1 : in.read(b, off, len);
    if (n < 0) {
      n = padding(b, off, len);
    }
    if (n > 0) {
      offset += n;
    }
    return n;
  }

  /** Zeros up to the next record boundary when the layer ends between entries, else the end. */
  private int padding(byte[] b, int off, int len) {
    if (paddingLeft < 0) {
      paddingLeft = betweenEntries ? (RECORD - offset % RECORD) % RECORD : 0;
    }
    int n = (int) Math.min(len, paddingLeft);
    if (n == 0) {
      return -1;
    }
    Arrays.fill(b, off, off + n, (byte) 0);
    paddingLeft -= n;
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] sink = new byte[(int) Math.min(n, 8192)];
    long done = 0;
    while (done < n) {
      int r = read(sink, 0, (int) Math.min(sink.length, n - done));
      if (r < 0) {
        break;
      }
      done += r;
    }
    return done;
  }
}
