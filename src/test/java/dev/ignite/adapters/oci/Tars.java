package dev.ignite.adapters.oci;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Builds small layer tars in tests. */
final class Tars {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream out = new TarArchiveOutputStream(bytes);

  Tars() {
    out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
  }

  Tars dir(String name) {
    return add(new TarArchiveEntry(name + "/"), new byte[0]);
  }

  /** A directory with its mode (07777 bits) and owner. */
  Tars dir(String name, int mode, int uid, int gid) {
    TarArchiveEntry e = new TarArchiveEntry(name + "/");
    e.setMode(040000 | mode);
    e.setUserId(uid);
    e.setGroupId(gid);
    return add(e, new byte[0]);
  }

  Tars file(String name, String content) {
    return file(name, content, 0644);
  }

  Tars file(String name, String content, int mode) {
    TarArchiveEntry e = new TarArchiveEntry(name, true);
    e.setMode(mode);
    return add(e, content.getBytes(StandardCharsets.UTF_8));
  }

  Tars symlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
    e.setLinkName(target);
    return add(e, new byte[0]);
  }

  Tars hardlink(String name, String target) {
    TarArchiveEntry e = new TarArchiveEntry(name, TarConstants.LF_LINK);
    e.setLinkName(target);
    return add(e, new byte[0]);
  }

  private Tars add(TarArchiveEntry e, byte[] data) {
    try {
      e.setSize(e.isFile() && !e.isLink() ? data.length : 0);
      out.putArchiveEntry(e);
      out.write(data);
      out.closeArchiveEntry();
      return this;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }

  byte[] bytes() {
    try {
      out.finish();
      out.close();
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return bytes.toByteArray();
  }
}
