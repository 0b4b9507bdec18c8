package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.adapters.oci.registry.BlobDeadline;
import dev.ignite.adapters.oci.registry.HostNetwork;
import dev.ignite.adapters.oci.registry.Retry;
import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImportOptions;
import dev.ignite.ports.ImportProgress;
import dev.ignite.ports.ImportedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real docker-registry serving TLS with a certificate from a CA made by openssl for this test:
 * trusted through a trust store, the import works over HTTPS; untrusted, or a plain-HTTP registry
 * taken for a TLS one, it fails at once with what to do, not after three attempts.
 */
@Tag("integration")
class HttpsRegistryIT {
  @TempDir static Path work;
  static DockerRegistry tls;
  static DockerRegistry plain;
  static Path trustStore;

  @BeforeAll
  static void startRegistries() throws Exception {
    Path pki = Files.createDirectories(work.resolve("pki"));
    Pki.caAndServer(pki, "IP:127.0.0.1");
    String ca = pki.resolve("ca").toString();
    String server = pki.resolve("server").toString();
    trustStore = pki.resolve("trust.p12");
    Commands.run(
        "keytool",
        "-importcert",
        "-noprompt",
        "-alias",
        "ignite-test-ca",
        "-file",
        ca + ".crt",
        "-keystore",
        trustStore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "changeit");

    tls =
        DockerRegistry.start(
            Files.createDirectories(work.resolve("tls")),
            List.of(
                "  tls:", "    certificate: " + server + ".crt", "    key: " + server + ".key"));
    plain = DockerRegistry.start(Files.createDirectories(work.resolve("plain")), List.of());
    Path sample = Commands.buildSampleImage(work);
    for (DockerRegistry r : List.of(tls, plain)) {
      Commands.run(
          "skopeo",
          "copy",
          "--quiet",
          "--dest-tls-verify=false",
          "oci:" + sample + ":1",
          "docker://" + r.host() + "/sample:1");
    }
  }

  @AfterAll
  static void stop() throws Exception {
    if (tls != null) {
      tls.close();
    }
    if (plain != null) {
      plain.close();
    }
  }

  /** bin/ignite image import REF with the test CA in its trust store: [exit code, output]. */
  private static Object[] importTrusting(String ref, String stateDir) throws Exception {
    Path root = Path.of("").toAbsolutePath();
    ProcessBuilder pb =
        new ProcessBuilder(
                root.resolve("bin/ignite").toString(),
                "--state-dir",
                work.resolve(stateDir).toString(),
                "image",
                "import",
                ref)
            .redirectErrorStream(true);
    pb.environment()
        .put(
            "IGNITE_JAVA_OPTS",
            "-Djavax.net.ssl.trustStore="
                + trustStore
                + " -Djavax.net.ssl.trustStorePassword=changeit");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Object[] {p.waitFor(), out};
  }

  @Test
  void importsOverHttpsWhenTheHostTrustsTheRegistrysCa() throws Exception {
    Object[] result = importTrusting(tls.host() + "/sample:1", "cli-state");
    assertThat(result[0]).as((String) result[1]).isEqualTo(0);
    assertThat((String) result[1])
        .contains("Imported image")
        .contains("downloaded")
        .contains(": unpacked");
  }

  /** The certificate names 127.0.0.1 only: the same registry as localhost must be refused. */
  @Test
  void aCertificateForAnotherNameIsRefusedEvenFromATrustedCa() throws Exception {
    String asLocalhost = tls.host().replace("127.0.0.1", "localhost");
    Object[] result = importTrusting(asLocalhost + "/sample:1", "cli-state-localhost");
    assertThat(result[0]).as((String) result[1]).isNotEqualTo(0);
    assertThat((String) result[1]).contains("presented a TLS certificate this host does not trust");
  }

  @Test
  void trustsTheRegistrysCaFromItsOwnCertsDFolder() throws Exception {
    Path certsRoot = work.resolve("certs.d");
    Path folder = Files.createDirectories(certsRoot.resolve(tls.host()));
    Files.copy(work.resolve("pki/ca.crt"), folder.resolve("ca.crt"));
    Files.createDirectories(certsRoot.resolve("127.0.0.1:1")); // another registry's folder
    OciImages images =
        OciImages.create(
            work.resolve("cache-certs-d"),
            new Retry(1, Duration.ZERO),
            BlobDeadline.DEFAULT,
            new HostNetwork(Map.of(), List.of(work.resolve("no-such-root"), certsRoot)));
    ImportedImage image =
        images.importImage(tls.host() + "/sample:1", ImportOptions.defaults(), ImportProgress.NONE);
    assertThat(image.layers()).isNotEmpty();
  }

  @Test
  void aCaInAnotherRegistrysFolderIsNotTrustedForThisOne() throws Exception {
    Path certsRoot = work.resolve("certs.d-other");
    Path other = Files.createDirectories(certsRoot.resolve("127.0.0.1:1"));
    Files.copy(work.resolve("pki/ca.crt"), other.resolve("ca.crt"));
    OciImages images =
        OciImages.create(
            work.resolve("cache-certs-d-other"),
            new Retry(1, Duration.ZERO),
            BlobDeadline.DEFAULT,
            new HostNetwork(Map.of(), List.of(certsRoot)));
    assertThatThrownBy(
            () ->
                images.importImage(
                    tls.host() + "/sample:1", ImportOptions.defaults(), ImportProgress.NONE))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("/etc/containers/certs.d/" + tls.host() + "/ca.crt");
  }

  /** A retry would wait 10 minutes: the timeout shows there was none. */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void anUntrustedCertificateFailsAtOnceSayingWhatToDo() {
    OciImages images = OciImages.create(work.resolve("cache-untrusted"), 3, Duration.ofMinutes(10));
    assertThatThrownBy(
            () ->
                images.importImage(
                    tls.host() + "/sample:1", ImportOptions.defaults(), ImportProgress.NONE))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("presented a TLS certificate this host does not trust")
        .hasMessageContaining("update-ca-certificates");
    assertThat(images.list()).isEmpty();
  }

  @Test
  void aPlainHttpRegistryTakenForTlsSaysToUseInsecureRegistry() {
    OciImages images = OciImages.create(work.resolve("cache-plain"), 3, Duration.ofSeconds(2));
    assertThatThrownBy(
            () ->
                images.importImage(
                    plain.host() + "/sample:1", ImportOptions.defaults(), ImportProgress.NONE))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("does not speak TLS")
        .hasMessageContaining("--insecure-registry " + plain.host());
  }
}
