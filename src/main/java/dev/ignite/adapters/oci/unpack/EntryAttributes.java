package dev.ignite.adapters.oci.unpack;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Modes, owners, times and extended attributes of one layer's entries. A directory takes its own
 * when the layer ends, so that a read-only directory does not stop its children; extended
 * attributes are set then too, all in one run of {@link XattrWriter}. What is queued for a path is
 * forgotten when the path is replaced, and every change first checks, not following links, that the
 * path is still under real directories of the tree ({@link LayerTree#requireUnlinked}): these calls
 * take a path, and the kernel would follow a link in it.
 */
final class EntryAttributes {
  private final LayerTree tree;
  private final boolean asRoot;
  private final Map<Path, TarArchiveEntry> dirs = new LinkedHashMap<>();
  private final XattrWriter xattrs;

  EntryAttributes(LayerTree tree, boolean asRoot) {
    this.tree = tree;
    this.asRoot = asRoot;
    this.xattrs = new XattrWriter(asRoot);
  }

  /** Owner, mode and times of a file or directory just made ({@code fresh}: in a new dir). */
  void set(Path target, TarArchiveEntry e, boolean fresh) throws IOException {
    ownerAndMode(target, e, fresh);
    // both times given: the JDK then sets them without a stat first (checked: not a link)
    FileTime mtime = e.getLastModifiedTime();
    Files.getFileAttributeView(target, BasicFileAttributeView.class).setTimes(mtime, mtime, null);
  }

  /**
   * Owner, mode and times of a device node or FIFO. The JDK sets times on a file it opens, and
   * opening a FIFO waits for a writer, opening a device node may act on the device (a watchdog
   * starts counting): {@code touch} sets them by path instead.
   */
  void setSpecial(Path node, TarArchiveEntry e) throws IOException {
    ownerAndMode(node, e, false);
    Instant t = e.getLastModifiedTime().toInstant();
    String seconds =
        BigDecimal.valueOf(t.getEpochSecond())
            .add(BigDecimal.valueOf(t.getNano(), 9))
            .toPlainString();
    Tools.run(
        List.of("touch", "-h", "-c", "-d", "@" + seconds, "--", node.toString()), "coreutils");
  }

  private void ownerAndMode(Path target, TarArchiveEntry e, boolean fresh) throws IOException {
    tree.requireUnlinked(target, false);
    if (needsOwner(e, fresh)) {
      chown(target, e);
    }
    Files.setAttribute(target, "unix:mode", e.getMode() & 07777);
  }

  /** A symlink takes its owner only: its mode and times are not its own to set. */
  void setSymlink(Path link, TarArchiveEntry e, boolean fresh) throws IOException {
    if (needsOwner(e, fresh)) {
      tree.requireUnlinked(link, true);
      chown(link, e);
    }
  }

  /** A directory's owner, mode and times, set when the layer ends. */
  void queueDirectory(Path dir, TarArchiveEntry e) {
    dirs.put(dir, e);
  }

  /** Extended attributes of an entry, set when the layer ends. */
  void queueXattrs(Path target, String name, Map<String, byte[]> attributes) {
    xattrs.queue(target, name, attributes);
  }

  /** Forgets what is queued for {@code path} and under it: another entry takes its place. */
  void forget(Path path) {
    if (!dirs.isEmpty()) {
      dirs.keySet().removeIf(d -> d.startsWith(path));
    }
    xattrs.forget(path);
  }

  /** Sets what was queued: extended attributes, then directories deepest last as they came. */
  void finish() throws IOException {
    xattrs.write(tree);
    for (var d : dirs.entrySet()) {
      set(d.getKey(), d.getValue(), false);
    }
  }

  /**
   * A file root makes in a directory this layer created (whose set-group-id bit is not applied
   * until the end) already belongs to 0:0, which is what most image entries ask for.
   */
  private boolean needsOwner(TarArchiveEntry e, boolean fresh) {
    return asRoot && !(fresh && e.getLongUserId() == 0 && e.getLongGroupId() == 0);
  }

  private static void chown(Path target, TarArchiveEntry e) throws IOException {
    Files.setAttribute(target, "unix:uid", (int) e.getLongUserId(), LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(target, "unix:gid", (int) e.getLongGroupId(), LinkOption.NOFOLLOW_LINKS);
  }
}
