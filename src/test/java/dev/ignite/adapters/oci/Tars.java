package dev.ignite.adapters.oci;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds small layer tars in tests. */
public final class Tars {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream out = new TarArchiveOutputStream(bytes);

  public Tars() {
    out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
  }

  public Tars dir(String name) {
    return add(new TarArchiveEntry(name + "/"), new byte[0]);
  }

  /** A directory with its mode (07777 bits) and owner. */
  public Tars dir(String name, int mode, int uid, int gid) {
    TarArchiveEntry e = new TarArchiveEntry(name + "/");
    e.setMode(040000 | mode);
    e.setUserId(uid);
    e.setGroupId(gid);
    return add(e, new byte[0]);
  }

  public Tars file(String name, String content) {
    return file(name, content, 0644);
  }

  public Tars file(String name, String content, int mode) {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setMode(mode);
    return add(e, content.getBytes(StandardCharsets.UTF_8));
  }

  public Tars symlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
    e.setLinkName(target);
    return add(e, new byte[0]);
  }

  public Tars fifo(String name) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_FIFO);
    e.setMode(0644);
    return add(e, new byte[0]);
  }

  public Tars hardlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK);
    e.setLinkName(target);
    return add(e, new byte[0]);
  }

  /**
   * A pax extended header of its own, {@code 'x'} (for the next entry) or {@code 'g'} (global),
   * holding {@code records} ({@code key=value} each, lengths added here).
   */
  public Tars pax(byte type, String... records) {
    if (type == 'g') { // the writer encodes a global header's records itself
      TarArchiveEntry e = new TarArchiveEntry("PaxHeader", type);
      for (String r : records) {
        e.addPaxHeader(r.substring(0, r.indexOf('=')), r.substring(r.indexOf('=') + 1));
      }
      return add(e, null);
    }
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    for (String r : records) {
      int eq = r.indexOf('=');
      payload.writeBytes(
          record(r.substring(0, eq), r.substring(eq + 1).getBytes(StandardCharsets.UTF_8)));
    }
    return paxPayload(payload.toByteArray());
  }

  /** A pax header giving the next entry these extended attributes, values byte for byte. */
  public Tars xattrs(Map<String, byte[]> xattrs) {
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    xattrs.forEach((k, v) -> payload.writeBytes(record("SCHILY.xattr." + k, v)));
    return paxPayload(payload.toByteArray());
  }

  /** A pax header of type x holding {@code payload} as it is, well-formed or not. */
  public Tars paxPayload(byte[] payload) {
    TarArchiveEntry e = new TarArchiveEntry("PaxHeader", (byte) 'x');
    return add(e, payload);
  }

  /** {@code "<length> key=value\n"}, the length counting itself. */
  private static byte[] record(String key, byte[] value) {
    int n = key.getBytes(StandardCharsets.UTF_8).length + value.length + 3;
    int len = n + Integer.toString(n).length();
    if (Integer.toString(len).length() != Integer.toString(n).length()) {
      len++;
    }
    ByteArrayOutputStream r = new ByteArrayOutputStream();
    r.writeBytes((len + " " + key + "=").getBytes(StandardCharsets.UTF_8));
    r.writeBytes(value);
    r.write('\n');
    return r.toByteArray();
  }

  private Tars add(TarArchiveEntry e, byte[] data) {
    try {
      if (data == null) {
        out.putArchiveEntry(e);
        return this;
      }
      e.setSize(e.isFile() && !e.isLink() || e.isPaxHeader() ? data.length : 0);
      out.putArchiveEntry(e);
      out.write(data);
      out.closeArchiveEntry();
      return this;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  public byte[] bytes() {
    try {
      out.finish();
      out.close();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return bytes.toByteArray();
  }
}
