package dev.ignite.adapters.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Writes what a guest sends below one local root. The guest is untrusted and the daemon runs as
 * root, so no name may climb out of the root and nothing is written through a symlink, including
 * one the guest sent a moment earlier. The copy is built in a hidden staging folder beside its
 * destination and renamed into place by {@link #finish}, so a failed copy leaves nothing behind.
 */
final class LocalTree implements AutoCloseable {
  private final Path target;
  private final Path staging;
  private final Path root;

  /** Folder modes, applied at the end deepest-last-first; dropped when their folder is replaced. */
  private final Deque<QueuedMode> directoryModes = new ArrayDeque<>();

  private record QueuedMode(Path dir, Set<PosixFilePermission> mode) {}

  /** {@code target} is the path the copy will have; its parent must exist. */
  LocalTree(Path target) throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new IOException("cannot copy to " + target + ": its parent folder does not exist");
    }
    Path realParent = parent.toRealPath();
    this.target = realParent.resolve(absolute.getFileName());
    this.staging = Files.createTempDirectory(realParent, ".ignite-cp-");
    this.root = staging.resolve("copy");
  }

  /** {@code relative} uses '/' separators; "" is the root itself. */
  Path resolve(String relative) throws IOException {
    Path p = root;
    for (String part : relative.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        throw new IOException("refusing guest path \"" + relative + "\": it climbs out with ..");
      }
      p = p.resolve(part);
    }
    Path parent = p.getParent();
    if (!parent.toRealPath().equals(parent)) {
      throw new IOException("refusing guest path \"" + relative + "\": it passes a symlink");
    }
    return p;
  }

  void directory(String relative, Set<PosixFilePermission> mode) throws IOException {
    Path dir = resolve(relative);
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectory(dir);
    }
    // applied last: a read-only folder must still receive its contents first
    directoryModes.removeIf(q -> q.dir().equals(dir));
    directoryModes.push(new QueuedMode(dir, mode));
  }

  void file(String relative, InputStream content, Set<PosixFilePermission> mode)
      throws IOException {
    Path file = resolve(relative);
    try (OutputStream out =
        Files.newOutputStream(
            file,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE,
            LinkOption.NOFOLLOW_LINKS)) {
      content.transferTo(out);
    }
    setMode(file, mode);
  }

  /**
   * A link replaces a file or an empty folder of the same name; what was queued for that folder (or
   * below it) is dropped, or it would be applied through the link to wherever it points.
   */
  void symlink(String relative, String target) throws IOException {
    Path link = resolve(relative);
    Files.deleteIfExists(link);
    directoryModes.removeIf(q -> q.dir().startsWith(link));
    Files.createSymbolicLink(link, Path.of(target));
  }

  /** A hard link inside the copy is made as a copy of the file it names, which stays inside. */
  void hardLink(String relative, String existingRelative) throws IOException {
    Path existing = resolve(existingRelative);
    if (!Files.isRegularFile(existing, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("refusing hard link to \"" + existingRelative + "\": not a file here");
    }
    try (InputStream in = Files.newInputStream(existing, LinkOption.NOFOLLOW_LINKS)) {
      file(relative, in, Files.getPosixFilePermissions(existing, LinkOption.NOFOLLOW_LINKS));
    }
  }

  /** Puts the copy in place; an existing file is replaced, an existing folder is not. */
  void finish() throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("the guest sent nothing to copy to " + target);
    }
    while (!directoryModes.isEmpty()) {
      QueuedMode queued = directoryModes.pop();
      setMode(queued.dir(), queued.mode());
    }
    try {
      Files.move(root, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (DirectoryNotEmptyException e) {
      throw new IOException(target + " is a folder that is not empty; copy into it instead", e);
    }
  }

  /**
   * Removes the staging folder, with the partial copy in it when {@link #finish} was not reached.
   */
  @Override
  public void close() throws IOException {
    Files.walkFileTree(
        staging,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            // a read-only folder from the guest must be opened up before it can be emptied
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /**
   * Sets a mode without following a link, neither at {@code p} (the JDK opens it with O_NOFOLLOW
   * and changes the open file) nor on the way to it. Only this object writes below the staging
   * folder, which is private (0700), so what is checked here cannot change before it is used.
   */
  private void setMode(Path p, Set<PosixFilePermission> mode) throws IOException {
    Path parent = p.getParent();
    if (!parent.toRealPath().equals(parent)) {
      throw new IOException("refusing to set the mode of " + p + ": a folder on the way is a link");
    }
    try {
      Files.getFileAttributeView(p, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
          .setPermissions(mode);
    } catch (IOException e) {
      throw new IOException("cannot set the mode of " + staging.relativize(p) + ": " + e, e);
    }
  }
}
