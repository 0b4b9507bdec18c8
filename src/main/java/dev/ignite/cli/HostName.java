package dev.ignite.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** This host's name, as commit messages and change records name it; no DNS lookup. */
final class HostName {
  private HostName() {}

  static String get() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    try {
      String etc = Files.readString(Path.of("/etc/hostname")).strip();
      if (!etc.isEmpty()) {
        return etc;
      }
    } catch (IOException e) {
      // fall through to the JDK's answer
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
