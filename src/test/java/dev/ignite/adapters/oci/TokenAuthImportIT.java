package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImportOptions;
import dev.ignite.ports.ImportProgress;
import dev.ignite.ports.ImportedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real docker-registry with token auth: every request needs a JWT from our token server, which
 * wants Basic credentials. skopeo pushes with them; our client must follow the same challenge. The
 * registry's redirect middleware sends blob GETs on to a second origin, which must not see the
 * token.
 */
@Tag("integration")
class TokenAuthImportIT {
  private static final String REPO = "private/sample";
  @TempDir static Path work;
  static TokenServer tokens;
  static StorageServer storage;
  static DockerRegistry registry;
  static String host;

  @BeforeAll
  static void startTokenServerAndRegistryAndPush() throws Exception {
    tokens = TokenServer.start(work, Map.of("alice", "right"));
    Path bundle = tokens.writeCertificateBundle(work.resolve("token-cert.pem"));
    // blob GETs are redirected (307) to another origin, as registries backed by S3 or a CDN do
    storage = new StorageServer(DockerRegistry.dataDir(work));
    registry =
        DockerRegistry.start(
            work,
            List.of(
                "auth:",
                "  token:",
                "    realm: " + tokens.realm(),
                "    service: " + TokenServer.SERVICE,
                "    issuer: " + TokenServer.ISSUER,
                "    rootcertbundle: " + bundle,
                "middleware:",
                "  storage:",
                "    - name: redirect",
                "      options:",
                "        baseurl: " + storage.baseUrl()));
    host = registry.host();
    Path layout = twoLayerLayout();
    Commands.run(
        "skopeo",
        "copy",
        "--quiet",
        "--dest-tls-verify=false",
        "--dest-creds",
        "alice:right",
        "oci:" + layout + ":t",
        "docker://" + host + "/" + REPO + ":1");
  }

  /** Two layers, so the import fetches them side by side under one token. */
  private static Path twoLayerLayout() throws Exception {
    Path layout = work.resolve("layout");
    Path bundle = work.resolve("bundle");
    Commands.run("umoci", "init", "--layout", layout.toString());
    Commands.run("umoci", "new", "--image", layout + ":t");
    for (String name : java.util.List.of("a", "b")) {
      Commands.run("umoci", "unpack", "--rootless", "--image", layout + ":t", bundle.toString());
      Files.createDirectories(bundle.resolve("rootfs/etc"));
      Files.writeString(
          bundle.resolve("rootfs/etc/" + name), name.equals("a") ? "first\n" : "second\n");
      Commands.run("umoci", "repack", "--image", layout + ":t", bundle.toString());
      Commands.deleteTree(bundle);
    }
    return layout;
  }

  @AfterAll
  static void stop() throws Exception {
    if (registry != null) {
      registry.close();
    }
    if (tokens != null) {
      tokens.close();
    }
    if (storage != null) {
      storage.close();
    }
  }

  @Test
  void importsWithAPullTokenAskedOnceWithTheConfigJsonCredentials() throws Exception {
    OciImages images = OciImages.create(work.resolve("cache-ok"));
    int before = tokens.requests().size();
    int storageBefore = storage.hits().size();
    ImportedImage image =
        images.importImage(host + "/" + REPO + ":1", options("alice:right"), ImportProgress.NONE);
    assertThat(image.layers()).hasSize(2);
    assertThat(image.repoDigests()).singleElement().asString().startsWith(host + "/" + REPO + "@");
    // one token for the whole import (manifests and both layers), scoped to pulling this repo
    assertThat(tokens.requests().subList(before, tokens.requests().size()))
        .containsExactly(
            new TokenServer.Request("alice", java.util.List.of("repository:" + REPO + ":pull")));
    // the layers came from the storage host, and the registry's token never went there
    assertThat(storage.hits())
        .filteredOn(h -> h.method().equals("GET"))
        .extracting(
            h ->
                h.path()
                    .substring(
                        h.path().lastIndexOf("/sha256/") + 8,
                        h.path().lastIndexOf("/sha256/") + 10))
        .isNotEmpty();
    assertThat(storage.hits()).noneMatch(StorageServer.Hit::hadAuthorization);
    Path rootfs = work.resolve("rootfs");
    images.unpack(image.id(), rootfs);
    assertThat(rootfs.resolve("etc/b")).hasContent("second");
  }

  @Test
  void aWrongPasswordIsRefusedAccessAndLeavesNothing() throws Exception {
    Path cache = work.resolve("cache-wrong");
    OciImages images = OciImages.create(cache);
    assertThatThrownBy(
            () ->
                images.importImage(
                    host + "/" + REPO + ":1", options("alice:wrong"), ImportProgress.NONE))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("registry " + host + " refused access to " + host + "/" + REPO + ":1")
        .hasMessageContaining("(HTTP 401)")
        .hasMessageContaining("log in so that config.json holds credentials");
    assertThat(images.list()).isEmpty();
    try (var blobs = Files.list(cache.resolve("blobs/sha256"))) {
      assertThat(blobs).isEmpty();
    }
  }

  @Test
  void noCredentialsAtAllIsRefusedAccess() {
    OciImages images = OciImages.create(work.resolve("cache-anon"));
    ImportOptions anonymous =
        ImportOptions.defaults()
            .withInsecureRegistry(host)
            .withDockerConfig(work.resolve("no-such-config.json"));
    assertThatThrownBy(
            () -> images.importImage(host + "/" + REPO + ":1", anonymous, ImportProgress.NONE))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("refused access");
  }

  /**
   * The whole path a user takes: bin/ignite with DOCKER_CONFIG naming a config.json whose
   * credHelpers entry sends it to a helper on PATH (a small program speaking the helper protocol,
   * standing in for docker-credential-pass; no keyring is needed on the test machine).
   */
  @Test
  void binIgniteTakesTheCredentialsFromTheHelperConfigJsonNames() throws Exception {
    Path dockerDir = Files.createDirectories(work.resolve("docker-cfg"));
    Files.writeString(
        dockerDir.resolve("config.json"), "{\"credHelpers\":{\"" + host + "\":\"itest\"}}");
    Path bin = Files.createDirectories(work.resolve("helper-bin"));
    Path helper = bin.resolve("docker-credential-itest");
    Files.writeString(
        helper,
        "#!/bin/sh\nread server\n[ \"$server\" = \""
            + host
            + "\" ] || { echo 'credentials not found'; exit 1; }\n"
            + "echo '{\"Username\":\"alice\",\"Secret\":\"right\"}'\n");
    Files.setPosixFilePermissions(helper, PosixFilePermissions.fromString("rwx------"));
    Path root = Path.of("").toAbsolutePath();
    int before = tokens.requests().size();
    ProcessBuilder pb =
        new ProcessBuilder(
                root.resolve("bin/ignite").toString(),
                "--state-dir",
                work.resolve("cli-state").toString(),
                "image",
                "import",
                host + "/" + REPO + ":1",
                "--insecure-registry",
                host)
            .redirectErrorStream(true);
    pb.environment().put("DOCKER_CONFIG", dockerDir.toString());
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).contains("Imported image");
    assertThat(tokens.requests())
        .contains(
            new TokenServer.Request("alice", java.util.List.of("repository:" + REPO + ":pull")));
  }

  private static ImportOptions options(String userPassword) throws Exception {
    String auth = Base64.getEncoder().encodeToString(userPassword.getBytes(StandardCharsets.UTF_8));
    Path config =
        Files.writeString(
            Files.createTempFile(work, "docker", ".json"),
            "{\"auths\":{\"" + host + "\":{\"auth\":\"" + auth + "\"}}}");
    return ImportOptions.defaults().withInsecureRegistry(host).withDockerConfig(config);
  }
}
