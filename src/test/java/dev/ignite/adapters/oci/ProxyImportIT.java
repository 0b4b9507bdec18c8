package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.testing.LoopbackPorts;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/ignite image import} behind a forward proxy, as a user behind one runs it: Debian's
 * tinyproxy on loopback, HTTPS_PROXY naming it, a real TLS docker-registry whose CA is in the
 * user's certs.d. The registry is named by this machine's host name (which resolves to a loopback
 * address here): Docker's rules, which we follow, never send {@code localhost} or a loopback IP
 * through a proxy.
 */
@Tag("integration")
class ProxyImportIT {
  @TempDir static Path work;
  static DockerRegistry registry;
  static Process proxy;
  static int proxyPort;
  static String host;

  @BeforeAll
  static void startRegistryAndProxy() throws Exception {
    InetAddress self = InetAddress.getLocalHost();
    Assumptions.assumeTrue(
        self.isLoopbackAddress(), "this host's name must resolve to a loopback address");
    Path pki = Files.createDirectories(work.resolve("pki"));
    Pki.caAndServer(pki, "DNS:" + self.getHostName());
    registry =
        DockerRegistry.start(
            Files.createDirectories(work.resolve("registry")),
            self.getHostAddress(),
            List.of(
                "  tls:",
                "    certificate: " + pki.resolve("server.crt"),
                "    key: " + pki.resolve("server.key")));
    host = self.getHostName() + ":" + registry.port();
    Path certs = Files.createDirectories(work.resolve("home/.config/containers/certs.d/" + host));
    Files.copy(pki.resolve("ca.crt"), certs.resolve("ca.crt"));
    Path sample = Commands.buildSampleImage(work);
    Commands.run(
        "skopeo",
        "copy",
        "--quiet",
        "--dest-cert-dir",
        certs.toString(),
        "oci:" + sample + ":1",
        "docker://" + host + "/sample:1");

    proxyPort = LoopbackPorts.free();
    Path conf = work.resolve("tinyproxy.conf");
    Files.writeString(
        conf,
        String.join(
            "\n",
            "Port " + proxyPort,
            "Listen 127.0.0.1",
            "Timeout 60",
            "LogFile \"" + work.resolve("tinyproxy.log") + "\"",
            "LogLevel Connect",
            "PidFile \"" + work.resolve("tinyproxy.pid") + "\"",
            "MaxClients 20",
            "Allow 127.0.0.1",
            "ConnectPort " + registry.port(),
            ""));
    proxy =
        new ProcessBuilder("tinyproxy", "-d", "-c", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("tinyproxy.out").toFile())
            .start();
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> DockerRegistry.answers(proxyPort));
  }

  @AfterAll
  static void stop() throws Exception {
    if (proxy != null) {
      proxy.destroy();
      proxy.waitFor();
    }
    if (registry != null) {
      registry.close();
    }
  }

  private static String proxyLog() throws Exception {
    Path log = work.resolve("tinyproxy.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  /** bin/ignite image import with {@code env} added: [exit code, output]. */
  private static Object[] importWith(Map<String, String> env, String stateDir) throws Exception {
    Path root = Path.of("").toAbsolutePath();
    ProcessBuilder pb =
        new ProcessBuilder(
                root.resolve("bin/ignite").toString(),
                "--state-dir",
                work.resolve(stateDir).toString(),
                "image",
                "import",
                host + "/sample:1")
            .redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.toLowerCase().endsWith("_proxy"));
    pb.environment().put("HOME", work.resolve("home").toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Object[] {p.waitFor(), out};
  }

  @Test
  void thePullGoesThroughTheProxyHttpsProxyNames() throws Exception {
    Object[] result =
        importWith(Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxyPort), "state-proxied");
    assertThat(result[0]).as((String) result[1]).isEqualTo(0);
    assertThat((String) result[1]).contains("Imported image");
    assertThat(proxyLog()).contains("CONNECT " + host);
  }

  @Test
  void noProxyNamingTheRegistryBypassesTheProxy() throws Exception {
    String before = proxyLog();
    Object[] result =
        importWith(
            Map.of(
                "https_proxy", "http://127.0.0.1:" + proxyPort,
                "no_proxy", "example.org," + host.split(":")[0]),
            "state-bypassed");
    assertThat(result[0]).as((String) result[1]).isEqualTo(0);
    assertThat(proxyLog()).isEqualTo(before);
  }
}
