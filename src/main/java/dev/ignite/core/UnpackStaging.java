package dev.ignite.core;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The folders an image's tree is unpacked into before it is renamed into place, named by the
 * unpacking process's pid. A {@code run} killed mid-unpack cannot remove its own, so the next
 * unpack of the image removes those whose process is gone. A pid taken since by another process
 * keeps its folder until that process ends too: never a folder still being written.
 */
final class UnpackStaging {
  private static final String PREFIX = ".unpack-";

  private UnpackStaging() {}

  static Path next(Path imageDir) {
    return imageDir.resolve(
        PREFIX + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime()));
  }

  static void sweepDead(Path imageDir) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(imageDir)) {
      for (Path entry : entries) {
        long pid = pidOf(entry.getFileName().toString());
        if (pid > 0 && ProcessHandle.of(pid).isEmpty()) {
          FileTrees.deleteQuietly(entry);
        }
      }
    } catch (NoSuchFileException e) {
      // no folder yet: nothing to sweep
    } catch (IOException e) {
      // sweeping is tidying; the unpack itself reports real trouble
    }
  }

  /** The pid in {@code .unpack-PID-…}, or -1 for any other name. */
  static long pidOf(String name) {
    if (!name.startsWith(PREFIX)) {
      return -1;
    }
    int end = name.indexOf('-', PREFIX.length());
    try {
      return Long.parseLong(name.substring(PREFIX.length(), end < 0 ? name.length() : end));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
