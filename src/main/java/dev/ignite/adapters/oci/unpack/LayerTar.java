package dev.ignite.adapters.oci.unpack;

import dev.ignite.ports.ImageException;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A layer tar read by commons-compress, one entry after the other, this stream giving the current
 * entry's content. Layers are untrusted, so on top of the library: headers are checked by their
 * checksums, an entry's headers and the pax records it inherits are capped at 1 MiB ({@link
 * RawTar}), sparse files are refused, and a layer that ends inside an entry's content is an error
 * naming it. The {@code SCHILY.xattr.*} records of an entry's own pax header are kept byte for byte
 * ({@link PaxXattrs}): the library reads pax values as UTF-8 text, which binary values are not.
 */
public final class LayerTar extends InputStream {
  private static final int MAX_INHERITED = 1 << 20;
  private final RawTar raw;
  private final Reader tar;
  private final byte[] one = new byte[1];
  private TarArchiveEntry current;

  public LayerTar(InputStream uncompressed) {
    this.raw = new RawTar(uncompressed);
    this.tar = new Reader(raw);
  }

  /** The next entry, or null at the end of the archive. */
  public TarArchiveEntry next() throws IOException {
    if (current != null) {
      skipContent();
    }
    tar.pax.reset();
    raw.betweenEntries(true);
    try {
      current = tar.getNextEntry();
    } catch (IOException e) {
      throw new IOException(
          "layer is not a tar archive or is damaged at byte "
              + raw.offset()
              + ": "
              + e.getMessage(),
          e);
    } finally {
      raw.betweenEntries(false);
    }
    if (current != null) {
      check(current);
    }
    return current;
  }

  /** The extended attributes the current entry's own pax header gives it. */
  Map<String, byte[]> xattrs() {
    return PaxXattrs.parse(tar.pax.toByteArray());
  }

  private void check(TarArchiveEntry e) throws IOException {
    long at = raw.offset() - 512;
    if (!e.isCheckSumOK()) {
      throw new IOException(
          "layer is not a tar archive or is damaged: bad header checksum at byte " + at);
    }
    if (e.isSparse()) {
      throw new IOException(
          "layer entry '" + e.getName() + "' at byte " + at + " is a sparse file: not supported");
    }
    long inherited = 0;
    for (var r : e.getExtraPaxHeaders().entrySet()) {
      inherited += r.getKey().length() + r.getValue().length();
    }
    if (inherited > MAX_INHERITED) {
      throw new ImageException(
          "layer entry '"
              + e.getName()
              + "' at byte "
              + at
              + " carries more than 1 MiB of pax records; refusing it");
    }
  }

  private void skipContent() throws IOException {
    try {
      tar.skip(Long.MAX_VALUE);
    } catch (IOException e) {
      throw cut(e);
    }
  }

  @Override
  public int read() throws IOException {
    return read(one, 0, 1) == 1 ? one[0] & 0xff : -1;
  }

  /** The current entry's content; -1 at its end. */
  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (current == null) {
      return -1;
    }
    try {
      return tar.read(b, off, len);
    } catch (IOException e) {
      throw cut(e);
    }
  }

  private IOException cut(IOException e) {
    return "Truncated TAR archive".equals(e.getMessage())
        ? new EOFException("layer ends inside the content of '" + current.getName() + "'")
        : e;
  }

  /** Keeps what pax headers of type x hold, as the library reads them through this stream. */
  private static final class Reader extends TarArchiveInputStream {
    final ByteArrayOutputStream pax = new ByteArrayOutputStream();

    Reader(InputStream in) {
      super(in, "UTF-8");
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      TarArchiveEntry e = getCurrentEntry();
      if (n > 0 && e != null && e.isPaxHeader()) {
        pax.write(b, off, n);
      }
      return n;
    }
  }
}
