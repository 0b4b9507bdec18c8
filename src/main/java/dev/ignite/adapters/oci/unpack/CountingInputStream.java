package dev.ignite.adapters.oci.unpack;

import dev.ignite.ports.ImportProgress;
import java.io.InputStream;
import org.apache.commons.io.input.ProxyInputStream;

/** Reports the bytes read so far of one layer blob, so unpacking can show progress per layer. */
public final class CountingInputStream extends ProxyInputStream {
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
  protected void afterRead(int n) {
    if (n > 0) {
      done += n;
      progress.onUnpack(layer, done, total);
    }
  }
}
