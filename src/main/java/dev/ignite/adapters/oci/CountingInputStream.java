package dev.ignite.adapters.oci;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports the bytes read so far of one layer blob, so unpacking can show progress per layer. */
final class CountingInputStream extends FilterInputStream {
  interface Listener {
    void read(long bytesDone);
  }

  private final Listener listener;
  private long done;

  CountingInputStream(InputStream in, Listener listener) {
    super(in);
    this.listener = listener;
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
    listener.read(done);
  }
}
