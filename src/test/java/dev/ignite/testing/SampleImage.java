package dev.ignite.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The offline sample image built by {@code scripts/build-sample-image}, once per test JVM. */
public final class SampleImage {
  private static Path built; // the folder holding oci/ and rootfs/

  private SampleImage() {}

  /** The unpacked root filesystem of the sample image. */
  public static Path rootfs() throws IOException, InterruptedException {
    return built().resolve("rootfs");
  }

  /** The sample image as an OCI layout, tagged {@code 1}. */
  public static Path layout() throws IOException, InterruptedException {
    return built().resolve("oci");
  }

  private static synchronized Path built() throws IOException, InterruptedException {
    if (built == null) {
      Path dir = Files.createTempDirectory("ignite-sample-");
      run(
          List.of(
              "scripts/build-sample-image",
              dir.resolve("oci").toString(),
              "--rootfs",
              dir.resolve("rootfs").toString()));
      built = dir;
    }
    return built;
  }

  /** Runs a command, failing with its output when it exits non-zero. */
  public static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }
}
