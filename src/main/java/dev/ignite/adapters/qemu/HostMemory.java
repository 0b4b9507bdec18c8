package dev.ignite.adapters.qemu;

import dev.ignite.api.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Refuses guest memory larger than all of the host's RAM. QEMU allocates guest RAM lazily, so such
 * a VM starts and only later drives the host into the OOM killer, which may pick other VMs' QEMUs.
 * Several VMs that together overcommit RAM are allowed: that is the operator's call.
 */
final class HostMemory {
  static final Path MEMINFO = Path.of("/proc/meminfo");

  private HostMemory() {}

  static void check(Size memory, Path meminfo) throws IOException {
    long total = totalBytes(meminfo);
    if (total > 0 && memory.bytes() > total) {
      throw new IOException(
          "spec.memory: "
              + memory
              + " is more than this host's RAM ("
              + (total >> 20)
              + "MB); give a smaller memory");
    }
  }

  /** MemTotal in bytes, or 0 when it cannot be read (then nothing is refused). */
  private static long totalBytes(Path meminfo) throws IOException {
    if (!Files.isReadable(meminfo)) {
      return 0;
    }
    List<String> lines = Files.readAllLines(meminfo);
    for (String line : lines) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 2 && f[0].equals("MemTotal:")) {
        return Long.parseLong(f[1]) * 1024; // reported in kB
      }
    }
    return 0;
  }
}
