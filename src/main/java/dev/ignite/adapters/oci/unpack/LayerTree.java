package dev.ignite.adapters.oci.unpack;

import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one layer's unpack knows about the tree it writes, so it can skip system calls: which
 * directories it created (nothing it did not write can exist under them), which paths it wrote, and
 * where each parent name resolved to. Every deletion drops the cached resolutions.
 *
 * <p>Before the unpacker changes a path's mode, owner or times it asks {@link #requireUnlinked}:
 * those calls take a path and the kernel follows links in it, so every directory above the path is
 * checked to be a directory and not a link, without following links.
 */
public final class LayerTree {
  private final Path root;
  private final Set<Path> written = new HashSet<>();
  private final Set<Path> createdDirs = new HashSet<>();
  private final Map<String, Path> resolvedParents = new HashMap<>();
  private final Set<Path> checkedDirs = new HashSet<>();

  LayerTree(Path root) {
    this.root = root;
  }

  /** The real parent directory of a member name, joined with its last component. */
  Path target(String name) throws IOException {
    int slash = name.lastIndexOf('/');
    if (slash < 0) {
      return root.resolve(name);
    }
    String parent = name.substring(0, slash);
    Path resolved = resolvedParents.get(parent);
    if (resolved == null) {
      resolved = RootedPath.resolve(root, parent);
      resolvedParents.put(parent, resolved);
    }
    return resolved.resolve(name.substring(slash + 1));
  }

  /** True when nothing can be at target yet: its parent is new and this layer did not write it. */
  boolean isFresh(Path target) {
    return createdDirs.contains(target.getParent())
        && !written.contains(target)
        && !createdDirs.contains(target);
  }

  boolean wasCreatedDirectory(Path dir) {
    return createdDirs.contains(dir);
  }

  boolean wasWritten(Path path) {
    return written.contains(path);
  }

  void written(Path path) {
    written.add(path);
  }

  void createdDirectory(Path dir) {
    createdDirs.add(dir);
  }

  /**
   * A whiteout may have cached a parent through a name that did not exist yet; once a symlink takes
   * that name, the cached path would write through it, out of the root.
   */
  void symlinkTakes(String name) {
    checkedDirs.clear();
    String prefix = name + "/";
    for (var keys = resolvedParents.keySet().iterator(); keys.hasNext(); ) {
      String k = keys.next();
      if (k.equals(name) || k.startsWith(prefix)) {
        keys.remove();
      }
    }
  }

  /** Like {@link Files#createDirectories}, remembering which directories it had to make. */
  void makeDirectories(Path dir) throws IOException {
    if (createdDirs.contains(dir) || dir.equals(root)) {
      return;
    }
    try {
      Files.createDirectory(dir);
      createdDirs.add(dir);
    } catch (FileAlreadyExistsException e) {
      if (!Files.isDirectory(dir)) {
        throw e;
      }
    } catch (NoSuchFileException e) {
      makeDirectories(dir.getParent());
      makeDirectories(dir);
    }
  }

  /** Removes a path and what is under it; a removed directory may hide cached parents. */
  void delete(Path path) throws IOException {
    if (deleteTree(path)) {
      resolvedParents.clear();
      checkedDirs.clear();
      createdDirs.removeIf(d -> d.startsWith(path));
    }
  }

  /**
   * Checks, not following links, that every directory between the root and {@code path} is a
   * directory and that {@code path} itself is not a link unless {@code linkAllowed}; returns the
   * path's attributes. Directories already checked are remembered until something is deleted or a
   * symlink is made, the only ways a checked directory can stop being one.
   */
  BasicFileAttributes requireUnlinked(Path path, boolean linkAllowed) throws IOException {
    Path parent = path.getParent();
    if (!path.startsWith(root) || parent == null || !parent.startsWith(root)) {
      throw new ImageException(path + " is outside the image root " + root);
    }
    requireDirectory(parent);
    BasicFileAttributes a = lstat(path);
    if (a.isSymbolicLink() && !linkAllowed) {
      throw new ImageException(
          "layer entry '" + root.relativize(path) + "' is a symlink now; refusing to change it");
    }
    return a;
  }

  private void requireDirectory(Path dir) throws IOException {
    if (dir.equals(root) || checkedDirs.contains(dir)) {
      return;
    }
    requireDirectory(dir.getParent());
    if (!lstat(dir).isDirectory()) {
      throw new ImageException(
          "'"
              + root.relativize(dir)
              + "' is no longer a directory of the layer; refusing to change"
              + " what is under it");
    }
    checkedDirs.add(dir);
  }

  private static BasicFileAttributes lstat(Path path) throws IOException {
    return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }

  /** Removes a path and what is under it, not following links; false when nothing was there. */
  public static boolean deleteTree(Path path) throws IOException {
    if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
      List<Path> children = new ArrayList<>();
      try (DirectoryStream<Path> listing = Files.newDirectoryStream(path)) {
        for (Path child : listing) {
          children.add(child); // deleted once the listing is closed, not while it is read
        }
      }
      for (Path child : children) {
        deleteTree(child);
      }
    }
    return Files.deleteIfExists(path);
  }
}
