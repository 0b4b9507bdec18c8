package dev.ignite.adapters.oci;

import dev.ignite.testing.LoopbackPorts;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * A real registry (Debian's {@code docker-registry}) on a free loopback port, storing under {@code
 * work/registry-data}, logging to {@code work/registry.log}; {@code extraConfig} is more top-level
 * YAML (auth, middleware).
 */
final class DockerRegistry implements AutoCloseable {
  private final Process process;
  private final String host;

  private DockerRegistry(Process process, String host) {
    this.process = process;
    this.host = host;
  }

  static DockerRegistry start(Path work, List<String> extraConfig) throws IOException {
    int port = LoopbackPorts.free();
    String host = "127.0.0.1:" + port;
    Path config = work.resolve("registry.yml");
    List<String> lines =
        new ArrayList<>(
            List.of(
                "version: 0.1",
                "storage:",
                "  filesystem:",
                "    rootdirectory: " + dataDir(work),
                "http:",
                "  addr: " + host));
    lines.addAll(extraConfig);
    Files.writeString(config, String.join("\n", lines) + "\n");
    Process process =
        new ProcessBuilder("docker-registry", "serve", config.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("registry.log").toFile())
            .start();
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> answers(port));
    return new DockerRegistry(process, host);
  }

  static Path dataDir(Path work) {
    return work.resolve("registry-data");
  }

  /** {@code 127.0.0.1:PORT}. */
  String host() {
    return host;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  static boolean answers(int port) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
