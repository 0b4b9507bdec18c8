package dev.ignite.adapters.oci;

import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one layer tar onto a root directory: whiteouts ({@code .wh.NAME}, {@code .wh..wh..opq}),
 * files with modes, directories, symlinks, hard links, and as root owners and device nodes.
 *
 * <p>Unpacking is bound by system calls (one file create each is the floor), so the unpacker
 * remembers what it made: under a directory it created, nothing can exist that this layer did not
 * write, so no probe or delete is needed there, and resolved parent directories are reused until
 * something is deleted.
 */
final class LayerUnpacker {
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";
  private static final int BUFFER = 1 << 18;
  private final Path root;
  private final boolean asRoot;
  private final LayerTree tree;
  private final UnpackBudget budget;
  private final Map<Path, TarEntry> dirs = new LinkedHashMap<>();
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);

  LayerUnpacker(Path root, boolean asRoot, UnpackBudget budget) {
    this.root = root;
    this.asRoot = asRoot;
    this.budget = budget;
    this.tree = new LayerTree(root);
  }

  /** Reads the tar to its end; the stream stays open, its caller closes it. */
  void apply(InputStream tar) throws IOException {
    TarReader in = new TarReader(tar);
    for (TarEntry e; (e = in.next()) != null; ) {
      budget.entry();
      String name = RootedPath.cleanName(e.name());
      if (!name.isEmpty()) {
        entry(name, e, in);
      }
    }
    // directory modes last, so a read-only directory does not stop its own children
    for (var d : dirs.entrySet()) {
      attributes(d.getKey(), d.getValue(), false);
    }
  }

  private void entry(String name, TarEntry e, InputStream data) throws IOException {
    String base = name.substring(name.lastIndexOf('/') + 1);
    Path target = tree.target(name);
    if (base.equals(OPAQUE)) {
      clearLowerChildren(target.getParent());
      return;
    }
    if (base.startsWith(WHITEOUT)) {
      delete(target.resolveSibling(whitedOut(name, base)));
      return;
    }
    tree.makeDirectories(target.getParent());
    boolean fresh = tree.isFresh(target);
    if (e.isSymbolicLink()) {
      tree.symlinkTakes(name);
    }
    if (e.isDirectory()) {
      directory(target, e, fresh);
    } else {
      if (!fresh) {
        delete(target);
      }
      create(target, e, data, fresh);
    }
    tree.written(target);
  }

  private void directory(Path target, TarEntry e, boolean fresh) throws IOException {
    // a directory made earlier as the parent of an entry that came first is kept as it is
    boolean exists =
        tree.wasCreatedDirectory(target)
            || (!fresh && Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS));
    if (!exists) {
      if (!fresh) {
        delete(target);
      }
      Files.createDirectory(target);
      tree.createdDirectory(target);
    }
    dirs.put(target, e);
  }

  /** The sibling a whiteout deletes; {@code .wh...} would name the directory that holds it. */
  private static String whitedOut(String name, String base) {
    String hidden = base.substring(WHITEOUT.length());
    if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
      throw new ImageException(
          "layer entry '" + name + "' is a whiteout that names no file; refusing to unpack");
    }
    return hidden;
  }

  /**
   * Deletes what is at {@code path} and forgets the directory modes queued for it and under it:
   * they must not land on whatever takes its place, least of all through a symlink.
   */
  private void delete(Path path) throws IOException {
    tree.delete(path);
    if (!dirs.isEmpty()) {
      dirs.keySet().removeIf(d -> d.startsWith(path));
    }
  }

  private void create(Path target, TarEntry e, InputStream data, boolean fresh) throws IOException {
    if (e.isSymbolicLink()) {
      Files.createSymbolicLink(target, Path.of(e.linkName()));
      symlinkOwner(target, e, fresh);
    } else if (e.isLink()) {
      Path source = RootedPath.resolve(root, RootedPath.cleanName(e.linkName()));
      if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
        throw new ImageException(
            "hard link '" + e.name() + "' points to missing '" + e.linkName() + "'");
      }
      Files.createLink(target, source);
    } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
      device(target, e);
    } else if (e.isFile()) {
      write(target, data);
      attributes(target, e, fresh);
    } else {
      log().debug("skipping tar entry {} of unsupported type", e.name());
    }
  }

  private void write(Path target, InputStream data) throws IOException {
    byte[] bytes = buffer.array();
    try (FileChannel out =
        FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (int r; (r = data.readNBytes(bytes, 0, bytes.length)) > 0; ) {
        buffer.clear().limit(r);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
      }
    }
  }

  private void device(Path target, TarEntry e) throws IOException {
    if (!asRoot && !e.isFIFO()) {
      log().debug("not root: skipping device node {}", e.name());
      return;
    }
    String type = e.isFIFO() ? "p" : e.isCharacterDevice() ? "c" : "b";
    var cmd =
        e.isFIFO()
            ? java.util.List.of("mknod", target.toString(), type)
            : java.util.List.of(
                "mknod",
                target.toString(),
                type,
                Integer.toString(e.devMajor()),
                Integer.toString(e.devMinor()));
    Tools.run(cmd, "coreutils");
    attributes(target, e, false);
  }

  private void attributes(Path target, TarEntry e, boolean fresh) throws IOException {
    tree.requireUnlinked(target, false);
    if (needsOwner(e, fresh)) {
      chown(target, e);
    }
    Files.setAttribute(target, "unix:mode", e.mode() & 07777);
    // both times given: the JDK then sets them without a stat first (checked above: not a link)
    FileTime mtime = e.mtime();
    Files.getFileAttributeView(target, BasicFileAttributeView.class).setTimes(mtime, mtime, null);
  }

  private void symlinkOwner(Path link, TarEntry e, boolean fresh) throws IOException {
    if (needsOwner(e, fresh)) {
      tree.requireUnlinked(link, true);
      chown(link, e);
    }
  }

  /**
   * A file root makes in a directory this layer created (whose set-group-id bit is not applied
   * until the end) already belongs to 0:0, which is what most image entries ask for.
   */
  private boolean needsOwner(TarEntry e, boolean fresh) {
    return asRoot && !(fresh && e.uid() == 0 && e.gid() == 0);
  }

  private static void chown(Path target, TarEntry e) throws IOException {
    Files.setAttribute(target, "unix:uid", (int) e.uid(), LinkOption.NOFOLLOW_LINKS);
    Files.setAttribute(target, "unix:gid", (int) e.gid(), LinkOption.NOFOLLOW_LINKS);
  }

  /** An opaque directory hides what lower layers put there, not what this layer adds. */
  private void clearLowerChildren(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var children = Files.list(dir)) {
      for (Path child : children.toList()) {
        if (!tree.wasWritten(child)) {
          delete(child);
        }
      }
    }
  }

  /** Looked up when first used: SLF4J's start-up costs a fresh JVM ~5 ms (docs/decisions.md). */
  private static Logger log() {
    return LoggerFactory.getLogger(LayerUnpacker.class);
  }
}
