package dev.ignite.adapters.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.adapters.git.GitRemote.HttpsLogin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

class GitRemoteTest {
  private static final Path STATE = Path.of("/var/lib/ignite-test");

  @Test
  void defaultsToTheUsersKeysAndKnownHosts() {
    GitRemote remote = GitRemote.of("git@git.example:vms.git", Optional.empty(), STATE);
    Path ssh = Path.of(System.getProperty("user.home"), ".ssh");

    assertThat(remote.identityFiles())
        .containsExactly(ssh.resolve("id_ed25519"), ssh.resolve("id_rsa"));
    assertThat(remote.knownHosts()).isEqualTo(ssh.resolve("known_hosts"));
    assertThat(remote.workDir().getParent()).isEqualTo(STATE.resolve("gitops"));
    assertThat(remote.timeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(remote.pushRetries()).isEqualTo(5);
  }

  @Test
  void eachUrlAndBranchHasItsOwnWorkDir() {
    Path main = GitRemote.workDirFor(STATE, "git@a:vms.git", Optional.of("main"));

    assertThat(GitRemote.workDirFor(STATE, "git@a:vms.git", Optional.of("main"))).isEqualTo(main);
    assertThat(GitRemote.workDirFor(STATE, "git@a:vms.git", Optional.of("dev"))).isNotEqualTo(main);
    assertThat(GitRemote.workDirFor(STATE, "git@a:vms.git", Optional.empty())).isNotEqualTo(main);
    assertThat(GitRemote.workDirFor(STATE, "git@b:vms.git", Optional.of("main")))
        .isNotEqualTo(main);
  }

  @Test
  void readsTheHttpsLoginFromTheEnvironment() {
    assertThat(
            HttpsLogin.fromEnvironment(
                Map.of("IGNITED_HTTPS_USERNAME", "bot", "IGNITED_HTTPS_PASSWORD", "tok")))
        .contains(new HttpsLogin("bot", "tok"));
    assertThat(HttpsLogin.fromEnvironment(Map.of("IGNITED_HTTPS_PASSWORD", "tok")))
        .contains(new HttpsLogin("git", "tok"));
    assertThat(HttpsLogin.fromEnvironment(Map.of("IGNITED_HTTPS_USERNAME", "bot"))).isEmpty();
  }

  @Test
  void neverPrintsThePassword() {
    GitRemote remote =
        GitRemote.of("https://git.example/vms.git", Optional.empty(), STATE)
            .withHttps(Optional.of(new HttpsLogin("bot", "s3cret-token")));

    assertThat(remote.toString()).contains("bot").doesNotContain("s3cret-token");
  }

  @Test
  void givesTheHttpsLoginToJGitForHttpsRemotesOnly() throws Exception {
    HttpsLogin login = new HttpsLogin("bot", "s3cret-token");
    GitRemote https =
        GitRemote.of("https://git.example/vms.git", Optional.empty(), STATE)
            .withHttps(Optional.of(login));
    GitRemote ssh =
        GitRemote.of("ssh://git@git.example/vms.git", Optional.empty(), STATE)
            .withHttps(Optional.of(login));

    try (RemoteLink link = new RemoteLink(RemoteUrl.parse(https.url()), https)) {
      CredentialsProvider provider = link.credentials().orElseThrow();
      CredentialItem.Username user = new CredentialItem.Username();
      CredentialItem.Password password = new CredentialItem.Password();
      assertThat(provider.get(new URIish(https.url()), user, password)).isTrue();
      assertThat(user.getValue()).isEqualTo("bot");
      assertThat(new String(password.getValue())).isEqualTo("s3cret-token");
      assertThat(provider.isInteractive()).isFalse();
    }
    try (RemoteLink link = new RemoteLink(RemoteUrl.parse(ssh.url()), ssh)) {
      assertThat(link.credentials()).isEmpty();
    }
  }

  @Test
  void refusesANonPositiveTimeout() {
    GitRemote remote = GitRemote.of("/srv/vms.git", Optional.empty(), STATE);
    assertThatThrownBy(() -> remote.withTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
