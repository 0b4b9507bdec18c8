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
    return start(work, "127.0.0.1", extraConfig);
  }

  /** Listening on {@code address} (a loopback address) and a free port. */
  static DockerRegistry start(Path work, String address, List<String> extraConfig)
      throws IOException {
    int port = LoopbackPorts.free();
    String host = address + ":" + port;
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
    Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> answers(address, port));
    return new DockerRegistry(process, host);
  }

  static Path dataDir(Path work) {
    return work.resolve("registry-data");
  }

  /** {@code 127.0.0.1:PORT}. */
  String host() {
    return host;
  }

  int port() {
    return Integer.parseInt(host.substring(host.lastIndexOf(':') + 1));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    process.waitFor();
  }

  static boolean answers(int port) {
    return answers("127.0.0.1", port);
  }

  static boolean answers(String address, int port) {
    try (Socket s = new Socket(address, port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
