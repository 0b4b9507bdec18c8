package dev.ignite.adapters.oci.unpack;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/** Opens a layer as a plain tar stream, choosing gzip, zstd or none by its magic bytes. */
public final class Decompression {
  private Decompression() {}

  public static InputStream open(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(4);
    byte[] magic = in.readNBytes(4);
    in.reset();
    if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
      InputStream inflated =
          NativeGunzip.loaded() ? new NativeGunzip(in) : new GZIPInputStream(in, 1 << 16);
      return new BufferedInputStream(inflated, 1 << 16);
    }
    if (magic.length == 4
        && (magic[0] & 0xff) == 0x28
        && (magic[1] & 0xff) == 0xb5
        && (magic[2] & 0xff) == 0x2f
        && (magic[3] & 0xff) == 0xfd) {
      return new BufferedInputStream(new ZstdCompressorInputStream(in), 1 << 16);
    }
    return in;
  }
}
