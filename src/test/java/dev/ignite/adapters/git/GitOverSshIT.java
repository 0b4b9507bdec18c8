package dev.ignite.adapters.git;

import static dev.ignite.adapters.git.TestRemotes.remote;
import static dev.ignite.adapters.git.TestRemotes.writes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.ports.GitException;
import dev.ignite.ports.GitException.Reason;
import dev.ignite.ports.GitRepository;
import dev.ignite.ports.GitRevision;
import dev.ignite.testing.GitUser;
import dev.ignite.testing.LoopbackPorts;
import dev.ignite.testing.LoopbackSshd;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter against OpenSSH's sshd on loopback, the user pushing with the real git and ssh. */
@Tag("integration")
class GitOverSshIT {
  @TempDir Path tmp;
  private LoopbackSshd sshd;
  private Path bare;
  private GitUser user;
  private Path userClone;
  private Path state;

  @BeforeEach
  void server() throws Exception {
    sshd = LoopbackSshd.start(tmp.resolve("sshd"));
    bare = GitUser.bareRepository(tmp.resolve("vms.git"));
    user = GitUser.overSsh(sshd, tmp.resolve("home"));
    userClone = user.cloneOf(sshd.url(bare), tmp.resolve("user-clone"));
    state = tmp.resolve("state");
  }

  @AfterEach
  void stop() throws Exception {
    sshd.close();
  }

  private GitRemote overSsh() {
    return remote(sshd.url(bare), state)
        .withIdentityFiles(List.of(tmp.resolve("missing_id_rsa"), sshd.identity()))
        .withKnownHosts(sshd.knownHosts());
  }

  @Test
  void clonesPullsAndPushesOverSsh() throws Exception {
    user.commitFile(userClone, "vms/a.yaml", "name: a\n", "add a");
    user.commitFile(userClone, "vms/b.yaml", "name: b\n", "add b");
    user.push(userClone);
    try (GitRepository repo = Git.open(overSsh())) {
      assertThat(repo.pull()).map(GitRevision::id).contains(user.head(userClone));
      assertThat(repo.checkout().resolve("vms/a.yaml")).hasContent("name: a");

      Optional<GitRevision> pushed =
          repo.commitAndPush(writes("vms/a.yaml", "name: a\nstatus: {}\n"));

      assertThat(pushed).map(GitRevision::id).contains(user.git(bare, "rev-parse", "main").strip());
    }
    assertThat(user.git(bare, "diff", "--name-only", "main~1", "main")).isEqualTo("vms/a.yaml\n");
    assertThat(sshd.log()).contains("Accepted publickey for " + sshd.user());
  }

  @Test
  void anEmptyRemoteOverSshGivesNoRevision() throws Exception {
    try (GitRepository repo = Git.open(overSsh())) {
      assertThat(repo.pull()).isEmpty();
    }
  }

  @Test
  void aUserPushOverSshBetweenOurFetchAndPushIsKept() throws Exception {
    user.commitFile(userClone, "vms/a.yaml", "name: a\n", "add a");
    user.push(userClone);
    AtomicInteger asked = new AtomicInteger();
    String[] userCommit = new String[1];
    try (GitRepository repo = Git.open(overSsh())) {
      repo.pull();
      repo.commitAndPush(
          checkout -> {
            if (asked.incrementAndGet() == 1) {
              try {
                user.pull(userClone);
                userCommit[0] = user.commitFile(userClone, "vms/b.yaml", "name: b\n", "add b");
                user.push(userClone);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }
            return writes("vms/a.yaml", "name: a\nstatus: {}\n").on(checkout);
          });
    }
    assertThat(asked).hasValue(2);
    assertThat(user.git(bare, "rev-parse", "main~1").strip()).isEqualTo(userCommit[0]);
    assertThat(user.git(bare, "ls-tree", "-r", "--name-only", "main"))
        .isEqualTo("vms/a.yaml\nvms/b.yaml\n");
  }

  @Test
  void aChangedHostKeyIsRefusedWithItsFingerprintAndNothingIsCheckedOut() throws Exception {
    user.commitFile(userClone, "vms/a.yaml", "name: a\n", "add a");
    user.push(userClone);
    sshd.changeHostKey();
    String offered = sshd.hostKeyFingerprint();

    try (GitRepository repo = Git.open(overSsh())) {
      assertThatThrownBy(repo::pull)
          .isInstanceOf(GitException.class)
          .satisfies(e -> assertThat(((GitException) e).reason()).isEqualTo(Reason.REFUSED))
          .hasMessageContaining(sshd.url(bare))
          .hasMessageContaining("has CHANGED")
          .hasMessageContaining(offered)
          .hasMessageContaining(sshd.knownHosts().toString());
      assertThat(repo.checkout()).isEmptyDirectory();
    }
    assertThat(sshd.knownHosts())
        .content()
        .doesNotContain(
            Files.readString(LoopbackSshd.pub(tmp.resolve("sshd/ssh_host_ed25519_key"))).strip());
  }

  @Test
  void anUnknownHostIsRefused() throws Exception {
    Path empty = Files.writeString(tmp.resolve("empty_known_hosts"), "");
    try (GitRepository repo = Git.open(overSsh().withKnownHosts(empty))) {
      assertThatThrownBy(repo::pull)
          .isInstanceOf(GitException.class)
          .satisfies(e -> assertThat(((GitException) e).reason()).isEqualTo(Reason.REFUSED))
          .hasMessageContaining("is unknown")
          .hasMessageContaining(sshd.hostKeyFingerprint())
          .hasMessageContaining(empty.toString());
    }
    assertThat(empty).isEmptyFile();
  }

  @Test
  void aKeyTheServerDoesNotAuthorizeIsRefused() throws Exception {
    Path stranger = LoopbackSshd.newKey(tmp.resolve("stranger"));
    try (GitRepository repo = Git.open(overSsh().withIdentityFiles(List.of(stranger)))) {
      assertThatThrownBy(repo::pull)
          .isInstanceOf(GitException.class)
          .satisfies(e -> assertThat(((GitException) e).reason()).isEqualTo(Reason.REFUSED))
          .hasMessageContaining(sshd.url(bare));
    }
  }

  @Test
  void aClosedPortIsUnreachable() throws Exception {
    String url = "ssh://" + sshd.user() + "@127.0.0.1:" + LoopbackPorts.free() + bare;
    GitRemote closed =
        remote(url, state)
            .withIdentityFiles(List.of(sshd.identity()))
            .withKnownHosts(sshd.knownHosts())
            .withTimeout(Duration.ofSeconds(10));
    try (GitRepository repo = Git.open(closed)) {
      assertThatThrownBy(repo::pull)
          .isInstanceOf(GitException.class)
          .satisfies(e -> assertThat(((GitException) e).reason()).isEqualTo(Reason.UNREACHABLE))
          .hasMessageContaining(url);
    }
  }
}
