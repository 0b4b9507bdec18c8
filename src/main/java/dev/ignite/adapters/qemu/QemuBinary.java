package dev.ignite.adapters.qemu;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds {@code qemu-system-x86_64} on a search path. */
final class QemuBinary {
  static final String NAME = "qemu-system-x86_64";

  private final List<Path> searchPath;

  QemuBinary(List<Path> searchPath) {
    this.searchPath = List.copyOf(searchPath);
  }

  static QemuBinary fromEnvironment() {
    List<Path> dirs = new ArrayList<>();
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!d.isEmpty()) {
        dirs.add(Path.of(d));
      }
    }
    dirs.add(Path.of("/usr/bin"));
    return new QemuBinary(dirs);
  }

  Path locate() throws IOException {
    for (Path dir : searchPath) {
      Path candidate = dir.resolve(NAME);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IOException(NAME + " not found; install the Debian package qemu-system-x86");
  }
}
