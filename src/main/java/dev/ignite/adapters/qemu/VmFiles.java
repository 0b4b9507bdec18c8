package dev.ignite.adapters.qemu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The files QEMU keeps in a VM's state folder. */
record VmFiles(Path dir) {
  /** sun_path in sockaddr_un holds 108 bytes including the terminating NUL. */
  private static final int MAX_SOCKET_PATH = 107;

  Path pidFile() {
    return dir.resolve("qemu.pid");
  }

  Path qmpSocket() {
    return dir.resolve("qmp.sock");
  }

  Path consoleLog() {
    return dir.resolve("console.log");
  }

  void checkSocketPathFits() throws IOException {
    int length = qmpSocket().toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8).length;
    if (length > MAX_SOCKET_PATH) {
      throw new IOException(
          "state folder path "
              + dir.toAbsolutePath()
              + " is too long for a unix socket ("
              + length
              + " > "
              + MAX_SOCKET_PATH
              + " bytes); use a shorter --state-dir");
    }
  }

  OptionalLong pid() {
    try {
      String text = Files.readString(pidFile(), StandardCharsets.US_ASCII).trim();
      return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
    } catch (NoSuchFileException e) {
      return OptionalLong.empty();
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  void removeRuntimeFiles() throws IOException {
    Files.deleteIfExists(pidFile());
    Files.deleteIfExists(qmpSocket());
  }
}
