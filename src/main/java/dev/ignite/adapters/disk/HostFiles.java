package dev.ignite.adapters.disk;

import dev.ignite.api.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Checks a {@code copyFiles} host path before it is read as root. Reading a FIFO would block the
 * build forever and /dev/zero would be copied until the disk is full, so only regular files and
 * directories are taken; a file larger than the whole disk is refused before mkfs runs.
 */
final class HostFiles {
  private HostFiles() {}

  static void check(String hostPath, String field, Size diskSize) {
    String where = field + ": \"" + hostPath + "\"";
    if (hostPath == null || !hostPath.startsWith("/")) {
      throw new IllegalArgumentException(where + " must be an absolute path");
    }
    BasicFileAttributes a;
    try {
      a = Files.readAttributes(Path.of(hostPath), BasicFileAttributes.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(where + " does not exist on this host");
    }
    if (!a.isRegularFile() && !a.isDirectory()) {
      throw new IllegalArgumentException(
          where + " is not a regular file or directory (devices, FIFOs and sockets are refused)");
    }
    if (a.isRegularFile() && a.size() > diskSize.bytes()) {
      throw new IllegalArgumentException(
          where + " (" + a.size() + " bytes) is larger than diskSize " + diskSize);
    }
  }
}
