package dev.ignite.adapters.oci;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Runs the real tools (skopeo, umoci, tar, the project's scripts) that tests build images with. */
public final class Commands {
  private Commands() {}

  public static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }

  /**
   * Builds the offline sample image with {@code scripts/build-sample-image}; returns its layout.
   */
  static Path buildSampleImage(Path dir) throws IOException, InterruptedException {
    Path layout = dir.resolve("sample-layout");
    run(Path.of("scripts/build-sample-image").toAbsolutePath().toString(), layout.toString());
    return layout;
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  public static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
