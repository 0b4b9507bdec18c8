package dev.ignite.adapters.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Credential helpers run for real: {@code docker-credential-vault} below is a small executable that
 * speaks the helper protocol (`get`, the server on stdin, JSON out) the way docker-credential-pass
 * or -secretservice do, without needing a keyring on the test machine.
 */
class CredentialHelperTest {
  @TempDir Path dir;
  private Path bin;
  private CredentialHelper helpers;

  @BeforeEach
  void installHelpers() throws Exception {
    bin = Files.createDirectories(dir.resolve("bin"));
    helper(
        "vault",
        "[ \"$1\" = get ] || exit 2\n"
            + "read server\n"
            + "case \"$server\" in\n"
            + "  127.0.0.1:5000) echo '{\"ServerURL\":\"127.0.0.1:5000\",\"Username\":\"alice\","
            + "\"Secret\":\"from-vault\"}' ;;\n"
            + "  https://index.docker.io/v1/) echo '{\"Username\":\"<token>\",\"Secret\":\"rt\"}' ;;\n"
            + "  *) echo 'credentials not found in native keychain'; exit 1 ;;\n"
            + "esac\n");
    helper("broken", "echo 'keyring is locked' >&2; exit 1\n");
    helpers = new CredentialHelper(List.of(dir.resolve("empty"), bin));
  }

  private void helper(String name, String body) throws Exception {
    Path file = bin.resolve("docker-credential-" + name);
    Files.writeString(file, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
  }

  private Path config(String json) throws Exception {
    return Files.writeString(dir.resolve("config.json"), json);
  }

  private static String auth(String userPass) {
    return Base64.getEncoder().encodeToString(userPass.getBytes());
  }

  @Test
  void aRegistrysOwnHelperComesBeforeTheAuthsEntry() throws Exception {
    Path config =
        config(
            "{\"credHelpers\":{\"127.0.0.1:5000\":\"vault\"},"
                + "\"auths\":{\"127.0.0.1:5000\":{\"auth\":\""
                + auth("old:password")
                + "\"}}}");

    assertThat(DockerCredentials.forRegistry(config, "127.0.0.1:5000", helpers))
        .contains(new DockerCredentials.Credentials("alice", "from-vault"));
  }

  @Test
  void theStoreIsAskedFirstAndAuthsAnswerWhatItDoesNotHold() throws Exception {
    Path config =
        config(
            "{\"credsStore\":\"vault\",\"auths\":{\"other:5000\":{\"auth\":\""
                + auth("bob:pw")
                + "\"},\"127.0.0.1:5000\":{}}}");

    assertThat(DockerCredentials.forRegistry(config, "127.0.0.1:5000", helpers))
        .contains(new DockerCredentials.Credentials("alice", "from-vault"));
    assertThat(DockerCredentials.forRegistry(config, "other:5000", helpers))
        .contains(new DockerCredentials.Credentials("bob", "pw"));
    assertThat(DockerCredentials.forRegistry(config, "third:5000", helpers)).isEmpty();
  }

  @Test
  void aHelperThatIsNotInstalledIsSkippedSoPublicImagesStillPull() throws Exception {
    Path config =
        config(
            "{\"credsStore\":\"desktop\",\"auths\":{\"127.0.0.1:5000\":{\"auth\":\""
                + auth("carol:pw")
                + "\"}}}");

    assertThat(DockerCredentials.forRegistry(config, "127.0.0.1:5000", helpers))
        .contains(new DockerCredentials.Credentials("carol", "pw"));
    assertThat(DockerCredentials.forRegistry(config, "public.example", helpers)).isEmpty();
  }

  @Test
  void aHelperNameCannotBeAPath() throws Exception {
    Path config = config("{\"credHelpers\":{\"127.0.0.1:5000\":\"../../../bin/sh\"}}");

    assertThatThrownBy(() -> DockerCredentials.forRegistry(config, "127.0.0.1:5000", helpers))
        .hasMessageContaining("is not a credential helper name");
  }

  @Test
  void aFailingHelperSaysWhatItPrinted() throws Exception {
    Path config = config("{\"credsStore\":\"broken\"}");

    assertThatThrownBy(() -> DockerCredentials.forRegistry(config, "127.0.0.1:5000", helpers))
        .hasMessageContaining("docker-credential-broken")
        .hasMessageContaining("keyring is locked");
  }

  @Test
  void identityTokensAreRefusedClearly() throws Exception {
    Path config = config("{\"credsStore\":\"vault\"}");

    assertThatThrownBy(() -> DockerCredentials.forRegistry(config, RegistryRef.DOCKER_HUB, helpers))
        .hasMessageContaining("identity token");
  }

  @Test
  void aHelperNameIsAWordNeverAPath() {
    for (String good : List.of("pass", "ecr-login", "a.b_c", "A9", "a".repeat(64))) {
      assertThat(CredentialHelper.isHelperName(good)).as("'%s'", good).isTrue();
    }
    for (String bad :
        List.of("", "../x", "/usr/bin/x", "a/b", "a b", "-a", ".a", "é", "a".repeat(65))) {
      assertThat(CredentialHelper.isHelperName(bad)).as("'%s'", bad).isFalse();
    }
  }
}
