package dev.ignite.adapters.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes a file so that a reader sees either the old or the new content, never a part: a temp file
 * in the same folder, fsync, rename over the target, fsync of the folder (so the rename itself
 * survives a crash).
 */
final class AtomicFiles {
  static final String TEMP_PREFIX = ".tmp-";
  private static final AtomicLong NEXT = new AtomicLong();
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(
          Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

  private AtomicFiles() {}

  static void write(Path target, String text) throws IOException {
    Path dir = target.getParent();
    Path temp = newTempFile(dir, target.getFileName().toString());
    try {
      try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      move(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
    syncDirectory(dir);
  }

  /**
   * Owner-only and new, named by the clock and a counter (a name another process holds is skipped).
   * Not {@link Files#createTempFile}: its random names set up a SecureRandom, which cost every
   * state-writing CLI command ~10 ms in a fresh JVM.
   */
  private static Path newTempFile(Path dir, String name) throws IOException {
    while (true) {
      Path temp =
          dir.resolve(
              TEMP_PREFIX
                  + name
                  + "-"
                  + Long.toHexString(System.nanoTime())
                  + "-"
                  + NEXT.incrementAndGet());
      try {
        return Files.createFile(temp, OWNER_ONLY);
      } catch (FileAlreadyExistsException e) {
        // taken by another writer, or left by one that was killed: take the next name
      }
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system of " + target + " cannot rename atomically", e);
    }
  }

  static void syncDirectory(Path dir) throws IOException {
    // Linux allows fsync on a directory opened read-only; it makes the new entry durable.
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
