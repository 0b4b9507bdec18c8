package dev.ignite.adapters.disk;

import dev.ignite.api.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses a disk larger than the whole host filesystem it would live on: mkfs would spend minutes
 * and gigabytes writing metadata for an absurd size (1000TB), and the guest could never use it.
 * Sparse disks larger than the current free space are allowed (overcommit is the operator's call).
 */
final class HostSpace {
  private HostSpace() {}

  static void check(Path disk, Size size) throws IOException {
    Path existing = disk.toAbsolutePath().getParent();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return;
    }
    long total = Files.getFileStore(existing).getTotalSpace();
    if (size.bytes() > total) {
      throw new IllegalArgumentException(
          "spec.diskSize: "
              + size
              + " is larger than the whole filesystem holding "
              + disk
              + " ("
              + (total >> 20)
              + "MB); give a smaller diskSize");
    }
  }

  /** The error for ENOSPC while writing a disk: the host is full, a larger diskSize won't help. */
  static IOException full(Path disk, Exception cause) {
    return new IOException(
        "the host file system holding "
            + disk.toAbsolutePath().getParent()
            + " is full (No space left on device while writing "
            + disk.getFileName()
            + "); free some space there",
        cause);
  }

  /** An IOException that is the system's ENOSPC, as the JDK reports it. */
  static boolean isNoSpace(IOException e) {
    return "No space left on device".equals(e.getMessage());
  }
}
