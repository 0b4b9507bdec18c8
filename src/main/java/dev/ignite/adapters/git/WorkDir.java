package dev.ignite.adapters.git;

import dev.ignite.ports.GitException;
import dev.ignite.ports.GitException.Reason;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The folder that keeps one remote's clone ({@code git/}, the repository) and its files ({@code
 * checkout/}), mode 0700, locked for as long as one process uses it.
 */
final class WorkDir implements AutoCloseable {
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  private final Path root;
  private final FileChannel lockFile;
  private final FileLock lock;

  private WorkDir(Path root, FileChannel lockFile, FileLock lock) {
    this.root = root;
    this.lockFile = lockFile;
    this.lock = lock;
  }

  static WorkDir lock(Path root) {
    try {
      Path parent = root.toAbsolutePath().getParent();
      if (!Files.isDirectory(parent)) {
        createPrivate(parent);
      }
      createPrivate(root);
      FileChannel channel =
          FileChannel.open(
              root.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        throw new GitException(Reason.INVALID, "another process is using the Git work dir " + root);
      }
      return new WorkDir(root, channel, lock);
    } catch (IOException e) {
      throw new GitException(
          Reason.INVALID, "cannot prepare the Git work dir " + root + ": " + e, e);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  Path gitDir() {
    return root.resolve("git");
  }

  Path checkout() {
    return root.resolve("checkout");
  }

  Path root() {
    return root;
  }

  /** Deletes the clone and its files, never following a link; keeps the lock. */
  void wipe() throws IOException {
    deleteTree(gitDir());
    deleteTree(checkout());
  }

  static void createPrivate(Path dir) throws IOException {
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(dir);
    }
    Files.setPosixFilePermissions(dir, OWNER_ONLY);
  }

  static void deleteTree(Path top) throws IOException {
    if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    // walkFileTree does not follow links: a link is deleted, never its target
    Files.walkFileTree(
        top,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  @Override
  public void close() {
    try {
      lock.release();
      lockFile.close();
    } catch (IOException e) {
      // closing the channel releases the lock anyway
    }
  }
}
