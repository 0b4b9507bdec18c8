package dev.ignite.adapters.oci.unpack;

import java.io.IOException;
import java.io.InputStream;

/** A stream whose only real read is the array one; a single byte is read through it. */
public abstract class ArrayInputStream extends InputStream {
  @Override
  public final int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
  }

  @Override
  public abstract int read(byte[] b, int off, int len) throws IOException;
}
