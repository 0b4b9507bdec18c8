package dev.ignite.adapters.oci.unpack;

import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.util.List;

/** Runs a host tool, naming the Debian package to install when it is missing. */
final class Tools {
  private Tools() {}

  static void run(List<String> command, String debianPackage) throws IOException {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new ImageException(
          command.get(0) + " is missing; install the Debian package " + debianPackage, e);
    }
    try {
      String out = new String(p.getInputStream().readAllBytes());
      if (p.waitFor() != 0) {
        throw new ImageException(String.join(" ", command) + " failed: " + out.strip());
      }
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      throw new ImageException("interrupted running " + command.get(0), e);
    }
  }
}
