package dev.ignite.adapters.oci;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A new, empty, owner-only file for content that is renamed into place once complete. Named by
 * process id and a counter instead of {@link Files#createTempFile}, whose random names cost a
 * SecureRandom set-up (~10 ms) in every fresh CLI process.
 */
final class PartFile {
  private static final AtomicLong NEXT = new AtomicLong();
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
  private static final String PID = Long.toString(ProcessHandle.current().pid());

  private PartFile() {}

  static Path create(Path dir, String prefix) throws IOException {
    while (true) {
      Path part = dir.resolve(prefix + "." + PID + "." + NEXT.incrementAndGet() + ".part");
      try {
        return Files.createFile(part, OWNER_ONLY);
      } catch (FileAlreadyExistsException e) {
        // left by a process that had our pid before and was killed: take the next number
      }
    }
  }
}
