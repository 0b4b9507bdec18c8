package dev.ignite.adapters.oci;

import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies one layer tar onto a root directory: whiteouts ({@code .wh.NAME}, {@code .wh..wh..opq}),
 * files with modes, directories, symlinks, hard links, and as root owners and device nodes.
 */
final class LayerUnpacker {
  private static final Logger LOG = LoggerFactory.getLogger(LayerUnpacker.class);
  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";
  private final Path root;
  private final boolean asRoot;
  private final Set<Path> fromThisLayer = new HashSet<>();
  private final Map<Path, TarArchiveEntry> dirs = new LinkedHashMap<>();

  LayerUnpacker(Path root, boolean asRoot) {
    this.root = root;
    this.asRoot = asRoot;
  }

  void apply(InputStream tar) throws IOException {
    try (TarArchiveInputStream in = new TarArchiveInputStream(tar)) {
      for (TarArchiveEntry e; (e = nextEntry(in)) != null; ) {
        String name = RootedPath.cleanName(e.getName());
        if (!name.isEmpty()) {
          entry(name, e, in);
        }
      }
    }
    // directory modes last, so a read-only directory does not stop its own children
    for (var d : dirs.entrySet()) {
      attributes(d.getKey(), d.getValue());
    }
  }

  /**
   * umoci 0.4.7 {@code insert} writes layers whose last entry lacks its record padding and the
   * end-of-archive blocks; GNU tar rejects them but Go's reader (skopeo, umoci, Docker) accepts
   * them. Every entry's data was read in full, so treating that as the end loses nothing.
   */
  private TarArchiveEntry nextEntry(TarArchiveInputStream in) throws IOException {
    try {
      return in.getNextEntry();
    } catch (IOException e) {
      if (String.valueOf(e.getMessage()).contains("Truncated TAR archive")) {
        LOG.debug("layer ends without tar padding; treating it as the end");
        return null;
      }
      throw e;
    }
  }

  private void entry(String name, TarArchiveEntry e, InputStream data) throws IOException {
    String base = name.substring(name.lastIndexOf('/') + 1);
    Path target = RootedPath.resolveParent(root, name);
    if (base.equals(OPAQUE)) {
      clearLowerChildren(target.getParent());
      return;
    }
    if (base.startsWith(WHITEOUT)) {
      delete(target.resolveSibling(base.substring(WHITEOUT.length())));
      return;
    }
    Files.createDirectories(target.getParent());
    if (e.isDirectory()) {
      if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
        delete(target);
        Files.createDirectory(target);
      }
      dirs.put(target, e);
    } else {
      delete(target);
      create(target, e, data);
    }
    fromThisLayer.add(target);
  }

  private void create(Path target, TarArchiveEntry e, InputStream data) throws IOException {
    if (e.isSymbolicLink()) {
      Files.createSymbolicLink(target, Path.of(e.getLinkName()));
      owner(target, e);
    } else if (e.isLink()) {
      Path source = RootedPath.resolve(root, RootedPath.cleanName(e.getLinkName()));
      if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
        throw new ImageException(
            "hard link '" + e.getName() + "' points to missing '" + e.getLinkName() + "'");
      }
      Files.createLink(target, source);
    } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
      device(target, e);
    } else if (e.isFile()) {
      Files.copy(data, target, StandardCopyOption.REPLACE_EXISTING);
      attributes(target, e);
    } else {
      LOG.debug("skipping tar entry {} of unsupported type", e.getName());
    }
  }

  private void device(Path target, TarArchiveEntry e) throws IOException {
    if (!asRoot && !e.isFIFO()) {
      LOG.debug("not root: skipping device node {}", e.getName());
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
                Integer.toString(e.getDevMajor()),
                Integer.toString(e.getDevMinor()));
    Tools.run(cmd, "coreutils");
    attributes(target, e);
  }

  private void attributes(Path target, TarArchiveEntry e) throws IOException {
    owner(target, e);
    Files.setAttribute(target, "unix:mode", e.getMode() & 07777);
    Files.setLastModifiedTime(target, FileTime.from(e.getLastModifiedDate().toInstant()));
  }

  private void owner(Path target, TarArchiveEntry e) throws IOException {
    if (asRoot) {
      Files.setAttribute(target, "unix:uid", (int) e.getLongUserId(), LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(target, "unix:gid", (int) e.getLongGroupId(), LinkOption.NOFOLLOW_LINKS);
    }
  }

  /** An opaque directory hides what lower layers put there, not what this layer adds. */
  private void clearLowerChildren(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var children = Files.list(dir)) {
      for (Path child : children.toList()) {
        if (!fromThisLayer.contains(child)) {
          delete(child);
        }
      }
    }
  }

  private static void delete(Path path) throws IOException {
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      try (var children = Files.list(path)) {
        for (Path child : children.toList()) {
          delete(child);
        }
      }
    }
    Files.deleteIfExists(path);
  }
}
