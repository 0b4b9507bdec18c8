package dev.ignite.adapters.oci.unpack;

import dev.ignite.ports.ImageException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** What is left of one image unpack's {@link UnpackLimits}, spent layer by layer. */
public final class UnpackBudget {
  private final UnpackLimits limits;
  private long bytes;
  private long entries;
  private String layer = "";

  public UnpackBudget(UnpackLimits limits) {
    this.limits = limits;
  }

  /** The uncompressed stream of {@code layer}, each byte read from it counted. */
  public InputStream counted(InputStream uncompressed, String layer) {
    this.layer = layer;
    return new FilterInputStream(uncompressed) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          spend(1);
        }
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          spend(n);
        }
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        spend(skipped);
        return skipped;
      }
    };
  }

  /** One more tar entry. */
  void entry() {
    if (++entries > limits.maxEntries()) {
      throw new ImageException(
          "layer "
              + layer
              + " takes the image past "
              + limits.maxEntries()
              + " entries (the limit, "
              + UnpackLimits.ENTRIES_VARIABLE
              + "); refusing to unpack it");
    }
  }

  private void spend(long n) {
    bytes += n;
    if (bytes > limits.maxBytes()) {
      throw new ImageException(
          "layer "
              + layer
              + " takes the image past "
              + limits.maxBytes()
              + " bytes unpacked (the limit, "
              + UnpackLimits.BYTES_VARIABLE
              + "); a layer that inflates so far is refused: it may be a decompression bomb");
    }
  }
}
