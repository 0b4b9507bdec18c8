package dev.ignite.adapters.disk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A private folder beside a disk being built, for the generated files debugfs copies in (hostname,
 * authorized_keys, ...). Names come from the pid and a counter rather than {@code
 * Files.createTempFile}, whose SecureRandom costs a cold CLI several milliseconds; the folder is
 * made 0700 with {@code mkdir}, which fails rather than reuse an existing one.
 */
final class Scratch implements AutoCloseable {
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final Path dir;
  private final List<Path> files = new ArrayList<>();

  private Scratch(Path dir) {
    this.dir = dir;
  }

  static Scratch beside(Path disk) throws IOException {
    Path parent = disk.getParent();
    while (true) {
      Path dir = parent.resolve("." + disk.getFileName() + ".files-" + uniqueSuffix());
      try {
        Files.createDirectory(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return new Scratch(dir);
      } catch (FileAlreadyExistsException e) {
        // left by a process with the same pid; take the next number
      }
    }
  }

  static String uniqueSuffix() {
    return ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
  }

  /**
   * Creates an empty file readable by its owner only (0600). A disk holds the guest's host keys and
   * whatever else it keeps; it is made private before the first byte is written to it.
   */
  static void createPrivateFile(Path file) throws IOException {
    Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
  }

  /** A new file in the folder holding {@code content}. */
  Path write(String content) throws IOException {
    Path file = dir.resolve(Integer.toString(files.size()));
    files.add(file);
    Files.writeString(
        file,
        content,
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
    return file;
  }

  @Override
  public void close() throws IOException {
    for (Path f : files) {
      Files.deleteIfExists(f);
    }
    Files.deleteIfExists(dir);
  }
}
