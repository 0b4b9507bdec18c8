package dev.ignite.adapters.oci.unpack;

import dev.ignite.ports.ImportProgress;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports the bytes read so far of one layer blob, so unpacking can show progress per layer. */
public final class CountingInputStream extends FilterInputStream {
  private final String layer;
  private final long total;
  private final ImportProgress progress;
  private long done;

  /** Reports to {@code progress} as the unpack of {@code layer} ({@code total} bytes). */
  public CountingInputStream(InputStream in, String layer, long total, ImportProgress progress) {
    super(in);
    this.layer = layer;
    this.total = total;
    this.progress = progress;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    if (skipped > 0) {
      counted(skipped);
    }
    return skipped;
  }

  private void counted(long n) {
    done += n;
    progress.onUnpack(layer, done, total);
  }
}
