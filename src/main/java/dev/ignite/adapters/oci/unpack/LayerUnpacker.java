package dev.ignite.adapters.oci.unpack;

import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one layer tar onto a root directory: whiteouts ({@code .wh.NAME}, {@code .wh..wh..opq}),
 * files, directories, symlinks, hard links, and as root device nodes; their modes, owners, times
 * and extended attributes through {@link EntryAttributes}.
 *
 * <p>Unpacking is bound by system calls (one file create each is the floor), so the unpacker
 * remembers what it made: under a directory it created, nothing can exist that this layer did not
 * write, so no probe or delete is needed there, and resolved parent directories are reused until
 * something is deleted.
 */
public final class LayerUnpacker {
  private static final Logger LOG = LoggerFactory.getLogger(LayerUnpacker.class);
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";
  private static final int BUFFER = 1 << 18;
  private final Path root;
  private final boolean asRoot;
  private final LayerTree tree;
  private final UnpackBudget budget;
  private final EntryAttributes attributes;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);

  public LayerUnpacker(Path root, boolean asRoot, UnpackBudget budget) {
    this.root = root;
    this.asRoot = asRoot;
    this.budget = budget;
    this.tree = new LayerTree(root);
    this.attributes = new EntryAttributes(tree, asRoot);
  }

  /** Reads the tar to its end; the stream stays open, its caller closes it. */
  public void apply(InputStream uncompressed) throws IOException {
    LayerTar in = new LayerTar(uncompressed);
    for (TarArchiveEntry e; (e = in.next()) != null; ) {
      budget.entry();
      String name = RootedPath.cleanName(e.getName());
      if (!name.isEmpty()) {
        entry(name, e, in);
      }
    }
    attributes.finish();
  }

  private void entry(String name, TarArchiveEntry e, LayerTar data) throws IOException {
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
    TarKind kind = TarKind.of(e);
    if (kind == TarKind.SYMLINK) {
      tree.symlinkTakes(name);
    }
    if (kind == TarKind.DIRECTORY) {
      directory(target, e, fresh);
    } else {
      if (!fresh) {
        delete(target);
      }
      create(target, kind, e, data, fresh);
    }
    tree.written(target);
    Map<String, byte[]> xattrs = data.xattrs();
    if (!xattrs.isEmpty() && kind != TarKind.OTHER) {
      attributes.queueXattrs(target, name, xattrs);
    }
  }

  private void directory(Path target, TarArchiveEntry e, boolean fresh) throws IOException {
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
    attributes.queueDirectory(target, e);
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
   * Deletes what is at {@code path} and forgets the attributes queued for it and under it: they
   * must not land on whatever takes its place, least of all through a symlink.
   */
  private void delete(Path path) throws IOException {
    tree.delete(path);
    attributes.forget(path);
  }

  private void create(Path target, TarKind kind, TarArchiveEntry e, InputStream data, boolean fresh)
      throws IOException {
    switch (kind) {
      case SYMLINK -> {
        String link = e.getLinkName();
        RootedPath.requireNoNul(
            link,
            "layer entry '" + e.getName() + "' links to '" + RootedPath.shown(link) + "', which");
        Files.createSymbolicLink(target, Path.of(link));
        attributes.setSymlink(target, e, fresh);
      }
      case HARD_LINK -> hardLink(target, e);
      case CHAR_DEVICE, BLOCK_DEVICE, FIFO -> device(target, kind, e);
      case FILE -> {
        write(target, data);
        attributes.set(target, e, fresh);
      }
      default -> LOG.debug("skipping tar entry {} of unsupported type", e.getName());
    }
  }

  private void hardLink(Path target, TarArchiveEntry e) throws IOException {
    Path source = RootedPath.resolve(root, RootedPath.cleanName(e.getLinkName()));
    if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
      throw new ImageException(
          "hard link '" + e.getName() + "' points to missing '" + e.getLinkName() + "'");
    }
    Files.createLink(target, source);
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

  private void device(Path target, TarKind kind, TarArchiveEntry e) throws IOException {
    if (!asRoot && kind != TarKind.FIFO) {
      LOG.debug("not root: skipping device node {}", e.getName());
      return;
    }
    List<String> cmd =
        kind == TarKind.FIFO
            ? List.of("mknod", target.toString(), "p")
            : List.of(
                "mknod",
                target.toString(),
                kind == TarKind.CHAR_DEVICE ? "c" : "b",
                Integer.toString(e.getDevMajor()),
                Integer.toString(e.getDevMinor()));
    Tools.run(cmd, "coreutils");
    attributes.setSpecial(target, e);
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
}
