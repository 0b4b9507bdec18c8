package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ignite.adapters.oci.manifest.Digests;
import dev.ignite.adapters.oci.manifest.MediaTypes;
import dev.ignite.adapters.oci.registry.BlobDeadline;
import dev.ignite.adapters.oci.registry.HostNetwork;
import dev.ignite.adapters.oci.registry.Retry;
import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImportOptions;
import dev.ignite.ports.ImportProgress;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry that misbehaves on purpose, played by the test on loopback: where credentials may go,
 * how much of a blob is read, how long a download may take.
 */
@Tag("integration")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class HostileRegistryIT {
  @TempDir Path work;
  HostileRegistry registry;
  HostileRegistry other;

  @BeforeEach
  void start() throws IOException {
    registry = new HostileRegistry();
    other = new HostileRegistry();
  }

  @AfterEach
  void stop() {
    registry.close();
    other.close();
  }

  /** Credentials for the registry in a config.json, plain HTTP to it. */
  private ImportOptions withCredentials() throws IOException {
    String auth = Base64.getEncoder().encodeToString("alice:secret".getBytes());
    Path config =
        Files.writeString(
            work.resolve("config.json"),
            "{\"auths\":{\"" + registry.host() + "\":{\"auth\":\"" + auth + "\"}}}");
    return ImportOptions.defaults().withInsecureRegistry(registry.host()).withDockerConfig(config);
  }

  private OciImages images(BlobDeadline deadline) {
    return OciImages.create(
        work.resolve("cache"), new Retry(1, Duration.ZERO), deadline, HostNetwork.ofThisHost());
  }

  @Test
  void aChallengeFromTheStorageHostABlobIsRedirectedToIsNotAnswered() throws Exception {
    String realm = "http://" + other.host() + "/token";
    other.route("/token", e -> HostileRegistry.send(e, 200, "application/json", token("t")));
    other.route(
        "/storage/layer",
        e -> {
          e.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"" + realm + "\"");
          HostileRegistry.send(e, 401, "application/json", new byte[0]);
        });
    registry.route(
        registry.layerPath(),
        e -> {
          e.getResponseHeaders().set("Location", "http://" + other.host() + "/storage/layer");
          HostileRegistry.send(e, 307, "text/plain", new byte[0]);
        });

    ImportOptions options = withCredentials();
    Throwable failure =
        catchThrowable(
            () ->
                images(BlobDeadline.DEFAULT)
                    .importImage(registry.ref(), options, ImportProgress.NONE));

    assertThat(other.requests())
        .extracting(HostileRegistry.Request::path)
        .contains("/storage/layer");
    assertThat(other.requests())
        .as("the storage host's realm is never asked, so never sees the credentials")
        .noneMatch(r -> r.path().equals("/token"));
    assertThat(failure)
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("HTTP 401")
        .hasMessageContaining(other.host());
  }

  @Test
  void credentialsAreNotSentToATokenRealmOnAnotherHostOverPlainHttp() throws Exception {
    // localhost is not the registry's host 127.0.0.1, and the realm is not HTTPS
    requireBearerToken("http://localhost:" + other.host().split(":")[1] + "/token");

    images(BlobDeadline.DEFAULT)
        .importImage(registry.ref(), withCredentials(), ImportProgress.NONE);

    assertThat(other.requests()).extracting(HostileRegistry.Request::path).contains("/token");
    assertThat(other.requests())
        .as("asked for a token anonymously")
        .allMatch(r -> r.authorization() == null);
  }

  @Test
  void credentialsGoToATokenRealmOnTheInsecureRegistrysOwnHost() throws Exception {
    requireBearerToken("http://" + other.host() + "/token");

    images(BlobDeadline.DEFAULT)
        .importImage(registry.ref(), withCredentials(), ImportProgress.NONE);

    String basic = "Basic " + Base64.getEncoder().encodeToString("alice:secret".getBytes());
    assertThat(other.requests()).extracting(HostileRegistry.Request::authorization).contains(basic);
  }

  /** Every registry route answers 401 with a Bearer challenge unless the token is sent. */
  private void requireBearerToken(String realm) {
    other.route("/token", e -> HostileRegistry.send(e, 200, "application/json", token("t")));
    for (String path : new String[] {"/v2/x/manifests/1", registry.configPath()}) {
      protect(path, realm);
    }
    protect(registry.layerPath(), realm);
  }

  private void protect(String path, String realm) {
    byte[] body =
        path.contains("manifests")
            ? registry.manifest
            : path.equals(registry.layerPath()) ? registry.layer : registry.config;
    registry.route(
        path,
        e -> {
          if ("Bearer t".equals(e.getRequestHeaders().getFirst("Authorization"))) {
            HostileRegistry.send(e, 200, MediaTypes.OCI_MANIFEST, body);
            return;
          }
          e.getResponseHeaders()
              .set("WWW-Authenticate", "Bearer realm=\"" + realm + "\",service=\"hostile\"");
          HostileRegistry.send(e, 401, "application/json", new byte[0]);
        });
  }

  private static byte[] token(String token) {
    return ("{\"token\":\"" + token + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aBlobLongerThanItsDescriptorSaysIsCutOffAfterOneMoreByte() throws Exception {
    AtomicLong sent = new AtomicLong();
    long offered = 256L << 20;
    registry.route(
        registry.layerPath(),
        e -> {
          e.sendResponseHeaders(200, offered);
          byte[] chunk = new byte[64 << 10];
          try (OutputStream out = e.getResponseBody()) {
            while (sent.get() < offered) {
              out.write(chunk);
              sent.addAndGet(chunk.length);
            }
          } catch (IOException closedByTheClient) {
            // what the fix does
          }
        });

    assertThatThrownBy(
            () ->
                images(BlobDeadline.DEFAULT)
                    .importImage(registry.ref(), withCredentials(), ImportProgress.NONE))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("larger than the " + registry.layer.length + " bytes");
    assertThat(sent.get()).as("the client hung up, not drained 256 MiB").isLessThan(offered);
    assertThat(Files.list(work.resolve("cache/blobs/sha256"))).isEmpty();
  }

  @Test
  void aBlobThatTricklesInFailsAtItsDeadlineThoughEveryReadGetsAByte() throws Exception {
    registry.route(
        registry.layerPath(),
        e -> {
          e.sendResponseHeaders(200, registry.layer.length);
          try (OutputStream out = e.getResponseBody()) {
            for (byte b : registry.layer) {
              out.write(b);
              out.flush();
              Thread.sleep(200);
            }
          } catch (IOException | InterruptedException gone) {
            // the client gave up, or the test ended
          }
        });
    BlobDeadline twoSeconds =
        new BlobDeadline(Duration.ofSeconds(2), 1L << 30, Duration.ofMinutes(1));

    assertThatThrownBy(
            () ->
                images(twoSeconds)
                    .importImage(registry.ref(), withCredentials(), ImportProgress.NONE))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining(Digests.of(registry.layer))
        .hasMessageContaining("did not arrive within 2 s");
    assertThat(Files.list(work.resolve("cache/blobs/sha256"))).isEmpty();
  }
}
