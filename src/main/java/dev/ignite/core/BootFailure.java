package dev.ignite.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Why a guest stopped while booting, read from the end of its serial console: the kernel's panic
 * line when there is one, with a hint when it is the out-of-memory panic that a distro initrd
 * causes in a small VM (Debian's kernel cannot unpack its initrd in 128MB).
 */
final class BootFailure {
  private static final int TAIL_BYTES = 64 * 1024;

  private BootFailure() {}

  /** A sentence for an error message, or empty when the console says nothing useful. */
  static Optional<String> explain(Path consoleLog) {
    List<String> lines = tail(consoleLog);
    Optional<String> panic =
        lines.stream()
            .filter(l -> l.contains("Kernel panic"))
            .reduce((a, b) -> b)
            .map(BootFailure::text);
    if (panic.isPresent()) {
      boolean oom = lines.stream().anyMatch(l -> l.contains("Out of memory") || l.contains("oom"));
      return Optional.of(
          "the guest kernel panicked: "
              + panic.get()
              + (oom ? " (out of memory: give the VM more --memory, e.g. 256MB or more)" : ""));
    }
    return lines.stream()
        .map(BootFailure::text)
        .filter(l -> !l.isBlank())
        .reduce((a, b) -> b)
        .map(l -> "the console's last line: " + l);
  }

  /** A console line without the kernel's {@code [ 1.234567] } time stamp. */
  static String text(String line) {
    return line.replaceFirst("^\\s*\\[\\s*\\d+\\.\\d+\\]\\s*", "").strip();
  }

  private static List<String> tail(Path consoleLog) {
    try {
      byte[] all = Files.readAllBytes(consoleLog);
      int from = Math.max(0, all.length - TAIL_BYTES);
      return new String(all, from, all.length - from, StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
