package dev.ignite.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The offline sample image built by {@code scripts/build-sample-image}, once per test JVM. */
public final class SampleImage {
  private static Path built;

  private SampleImage() {}

  /** The unpacked root filesystem of the sample image. */
  public static synchronized Path rootfs() throws IOException, InterruptedException {
    if (built == null) {
      Path dir = Files.createTempDirectory("ignite-sample-");
      Path rootfs = dir.resolve("rootfs");
      run(
          List.of(
              "scripts/build-sample-image",
              dir.resolve("oci").toString(),
              "--rootfs",
              rootfs.toString()));
      built = rootfs;
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
