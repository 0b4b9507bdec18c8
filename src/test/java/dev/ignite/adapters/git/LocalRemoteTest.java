package dev.ignite.adapters.git;

import static dev.ignite.adapters.git.TestRemotes.remote;
import static dev.ignite.adapters.git.TestRemotes.writes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.ports.GitCommit;
import dev.ignite.ports.GitCommit.FileChange;
import dev.ignite.ports.GitException;
import dev.ignite.ports.GitException.Reason;
import dev.ignite.ports.GitRepository;
import dev.ignite.ports.GitRevision;
import dev.ignite.testing.GitUser;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The adapter against bare repositories reached by path and file://, the user being real git. */
class LocalRemoteTest {
  @TempDir Path tmp;
  private Path bare;
  private Path state;
  private GitUser user;
  private Path userClone;

  @BeforeEach
  void repository() throws Exception {
    bare = GitUser.bareRepository(tmp.resolve("vms.git"));
    state = tmp.resolve("state");
    user = GitUser.local(tmp.resolve("home"));
    userClone = user.cloneOf(bare.toString(), tmp.resolve("user-clone"));
  }

  @Test
  void pullsTheDefaultBranchOverFileUrl() throws Exception {
    String id = user.commitFile(userClone, "vms/a.yaml", "name: a\n", "add a");
    user.push(userClone);

    try (GitRepository repo = Git.open(remote("file://" + bare, state))) {
      Optional<GitRevision> pulled = repo.pull();

      assertThat(pulled).map(GitRevision::id).contains(id);
      assertThat(repo.checkout().resolve("vms/a.yaml")).hasContent("name: a");
      assertThat(repo.checkout().resolve(".git")).doesNotExist();
    }
  }

  @Test
  void pullsFromAPlainPathAndFollowsNewCommits() throws Exception {
    user.commitFile(userClone, "a.yaml", "one\n", "one");
    user.push(userClone);
    try (GitRepository repo = Git.open(remote(bare.toString(), state))) {
      repo.pull();
      String second = user.commitFile(userClone, "a.yaml", "two\n", "two");
      user.push(userClone);

      assertThat(repo.pull()).map(GitRevision::id).contains(second);
      assertThat(repo.checkout().resolve("a.yaml")).hasContent("two");
    }
  }

  @Test
  void anEmptyRemoteGivesNoRevision() throws Exception {
    try (GitRepository repo = Git.open(remote(bare.toString(), state))) {
      assertThat(repo.pull()).isEmpty();
      assertThat(repo.checkout()).isEmptyDirectory();
    }
  }

  @Test
  void aMissingBranchGivesNoRevision() throws Exception {
    user.commitFile(userClone, "a.yaml", "a\n", "a");
    user.push(userClone);
    GitRemote onDev =
        remote(bare.toString(), state)
            .withWorkDir(GitRemote.workDirFor(state, bare.toString(), Optional.of("dev")));
    onDev =
        new GitRemote(
            onDev.url(),
            Optional.of("dev"),
            onDev.workDir(),
            onDev.identityFiles(),
            onDev.knownHosts(),
            onDev.https(),
            onDev.author(),
            onDev.timeout(),
            onDev.pushRetries());
    try (GitRepository repo = Git.open(onDev)) {
      assertThat(repo.pull()).isEmpty();
    }
  }

  @Test
  void followsTheRemoteHeadToItsDefaultBranch() throws Exception {
    user.commitFile(userClone, "a.yaml", "on trunk\n", "a");
    user.git(userClone, "push", "-q", "origin", "HEAD:trunk");
    user.git(bare, "symbolic-ref", "HEAD", "refs/heads/trunk");

    try (GitRepository repo = Git.open(remote(bare.toString(), state))) {
      assertThat(repo.pull()).isPresent();
      assertThat(repo.checkout().resolve("a.yaml")).hasContent("on trunk");
      repo.commitAndPush(writes("status.yaml", "seen\n"));
    }
    assertThat(user.git(bare, "show", "trunk:status.yaml")).isEqualTo("seen\n");
  }

  @Test
  void discardsLocalEditsAndStrayFiles() throws Exception {
    user.commitFile(userClone, "vms/a.yaml", "name: a\n", "add a");
    user.push(userClone);
    try (GitRepository repo = Git.open(remote(bare.toString(), state))) {
      repo.pull();
      Files.writeString(repo.checkout().resolve("vms/a.yaml"), "edited");
      Files.writeString(repo.checkout().resolve("vms/stray.yaml"), "name: stray\n");
      Files.createDirectories(repo.checkout().resolve("extra/deeper"));
      Files.writeString(repo.checkout().resolve("extra/deeper/b.yaml"), "name: b\n");

      repo.pull();

      assertThat(repo.checkout().resolve("vms/a.yaml")).hasContent("name: a");
      assertThat(repo.checkout().resolve("vms/stray.yaml")).doesNotExist();
      assertThat(repo.checkout().resolve("extra")).doesNotExist();
    }
  }

  @Test
  void reusesTheCloneAcrossRestartsInAPrivateWorkDir() throws Exception {
    user.commitFile(userClone, "a.yaml", "a\n", "a");
    user.push(userClone);
    GitRemote settings = remote(bare.toString(), state);
    try (GitRepository repo = Git.open(settings)) {
      repo.pull();
    }
    Path marker = settings.workDir().resolve("git/objects/info/kept-by-test");
    Files.writeString(marker, "x");
    try (GitRepository again = Git.open(settings)) {
      assertThat(again.pull()).isPresent();
    }
    assertThat(marker).exists();
    assertThat(Files.getPosixFilePermissions(settings.workDir()))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void clonesAgainWhenTheWorkDirIsDamaged() throws Exception {
    String id = user.commitFile(userClone, "a.yaml", "a\n", "a");
    user.push(userClone);
    GitRemote settings = remote(bare.toString(), state);
    try (GitRepository repo = Git.open(settings)) {
      repo.pull();
    }
    Path objects = settings.workDir().resolve("git/objects");
    try (var all = Files.walk(objects)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        Files.delete(p);
      }
    }
    try (GitRepository repo = Git.open(settings)) {
      assertThat(repo.pull()).map(GitRevision::id).contains(id);
      assertThat(repo.checkout().resolve("a.yaml")).hasContent("a");
    }
  }

  @Test
  void clonesAgainAfterAHalfFinishedFirstClone() throws Exception {
    String id = user.commitFile(userClone, "a.yaml", "a\n", "a");
    user.push(userClone);
    GitRemote settings = remote(bare.toString(), state);
    Files.createDirectories(settings.workDir().resolve("git/objects/pack"));
    Files.writeString(settings.workDir().resolve("git/HEAD"), "garbage");
    try (GitRepository repo = Git.open(settings)) {
      assertThat(repo.pull()).map(GitRevision::id).contains(id);
    }
  }

  @Test
  void aWorkDirIsUsedByOneRepositoryAtATime() throws Exception {
    GitRemote settings = remote(bare.toString(), state);
    try (GitRepository repo = Git.open(settings)) {
      assertThatThrownBy(() -> Git.open(settings))
          .isInstanceOf(GitException.class)
          .hasMessageContaining("another process is using the Git work dir");
    }
  }

  @Test
  void pushesAStatusChangeThatTouchesOnlyThatFile() throws Exception {
    user.commitFile(userClone, "vms/a.yaml", "name: a\n", "add a");
    user.commitFile(userClone, "vms/b.yaml", "name: b\n", "add b");
    user.push(userClone);
    try (GitRepository repo = Git.open(remote(bare.toString(), state))) {
      repo.pull();
      Optional<GitRevision> pushed =
          repo.commitAndPush(writes("vms/a.yaml", "name: a\nstatus: {}\n"));

      assertThat(pushed).isPresent();
      assertThat(repo.checkout().resolve("vms/a.yaml")).hasContent("name: a\nstatus: {}");
      String upstream = user.git(bare, "rev-parse", "main").strip();
      assertThat(pushed.get().id()).isEqualTo(upstream);
    }
    assertThat(user.git(bare, "diff", "--name-only", "main~1", "main")).isEqualTo("vms/a.yaml\n");
    assertThat(user.git(bare, "log", "-1", "--format=%an <%ae>|%cn <%ce>|%s", "main"))
        .isEqualTo(
            "ignited <ignited@test-host>|ignited <ignited@test-host>|status of vms/a.yaml\n");
  }

  @Test
  void deletesAFile() throws Exception {
    user.commitFile(userClone, "vms/a.yaml", "name: a\n", "add a");
    user.commitFile(userClone, "vms/b.yaml", "name: b\n", "add b");
    user.push(userClone);
    try (GitRepository repo = Git.open(remote(bare.toString(), state))) {
      repo.pull();
      repo.commitAndPush(
          c -> Optional.of(new GitCommit("rm a", List.of(FileChange.delete("vms/a.yaml")))));
      assertThat(repo.checkout().resolve("vms/a.yaml")).doesNotExist();
    }
    assertThat(user.git(bare, "ls-tree", "-r", "--name-only", "main")).isEqualTo("vms/b.yaml\n");
  }

  @Test
  void makesNoCommitWhenNothingChanges() throws Exception {
    String id = user.commitFile(userClone, "a.yaml", "a\n", "a");
    user.push(userClone);
    try (GitRepository repo = Git.open(remote(bare.toString(), state))) {
      repo.pull();
      assertThat(repo.commitAndPush(c -> Optional.empty())).isEmpty();
      assertThat(repo.commitAndPush(writes("a.yaml", "a\n"))).isEmpty();
      assertThat(
              repo.commitAndPush(
                  c -> Optional.of(new GitCommit("x", List.of(FileChange.delete("gone.yaml"))))))
          .isEmpty();
    }
    assertThat(user.git(bare, "rev-parse", "main").strip()).isEqualTo(id);
  }

  @Test
  void aUserCommitPushedMeanwhileIsKeptAndTheChangeIsRecomputed() throws Exception {
    user.commitFile(userClone, "vms/a.yaml", "name: a\n", "add a");
    user.push(userClone);
    AtomicInteger asked = new AtomicInteger();
    String[] userCommit = new String[1];
    try (GitRepository repo = Git.open(remote(bare.toString(), state))) {
      repo.pull();
      Optional<GitRevision> pushed =
          repo.commitAndPush(
              checkout -> {
                if (asked.incrementAndGet() == 1) {
                  // the user pushes between our fetch and our push
                  userCommit[0] = userPushes("vms/b.yaml", "name: b\n");
                }
                // the change is computed from what the checkout holds now
                boolean sawB = Files.exists(checkout.resolve("vms/b.yaml"));
                return writes("vms/a.yaml", "name: a\nstatus: {sawB: " + sawB + "}\n").on(checkout);
              });

      assertThat(asked).hasValue(2);
      assertThat(pushed).isPresent();
    }
    assertThat(user.git(bare, "rev-parse", "main~1").strip()).isEqualTo(userCommit[0]);
    assertThat(user.git(bare, "show", "main:vms/a.yaml")).contains("sawB: true");
    assertThat(user.git(bare, "show", "main:vms/b.yaml")).isEqualTo("name: b\n");
  }

  @Test
  void givesUpWithAConflictAfterTheRetriesAndLosesNoUserCommit() throws Exception {
    user.commitFile(userClone, "a.yaml", "a\n", "a");
    user.push(userClone);
    AtomicInteger asked = new AtomicInteger();
    try (GitRepository repo = Git.open(remote(bare.toString(), state).withPushRetries(2))) {
      repo.pull();
      assertThatThrownBy(
              () ->
                  repo.commitAndPush(
                      checkout -> {
                        userPushes("user-" + asked.incrementAndGet() + ".txt", "x\n");
                        return writes("status.yaml", "s\n").on(checkout);
                      }))
          .isInstanceOf(GitException.class)
          .hasMessageContaining("it moved on each of 3 tries")
          .extracting(e -> ((GitException) e).reason())
          .isEqualTo(Reason.CONFLICT);
    }
    assertThat(user.git(bare, "ls-tree", "-r", "--name-only", "main"))
        .isEqualTo("a.yaml\nuser-1.txt\nuser-2.txt\nuser-3.txt\n");
  }

  @Test
  void refusesPathsOutOfTheRepository() throws Exception {
    user.commitFile(userClone, "a.yaml", "a\n", "a");
    user.push(userClone);
    try (GitRepository repo = Git.open(remote(bare.toString(), state))) {
      repo.pull();
      for (String path : List.of("../x", "vms/../../x", "/etc/x", ".git/config", "a//b", "")) {
        assertThatThrownBy(() -> repo.commitAndPush(writes(path, "x")))
            .as(path)
            .isInstanceOf(GitException.class)
            .hasMessageContaining("refusing to change");
      }
    }
    assertThat(tmp.resolve("state/gitops/x")).doesNotExist();
    assertThat(user.git(bare, "rev-list", "--count", "main").strip()).isEqualTo("1");
  }

  @Test
  void neverWritesThroughASymbolicLinkInTheRepository() throws Exception {
    Path outside = Files.createDirectories(tmp.resolve("outside"));
    user.commitSymlink(userClone, "vms", outside.toString(), "vms is a link");
    user.commitSymlink(userClone, "link.yaml", outside.resolve("t.yaml").toString(), "a link");
    user.push(userClone);
    try (GitRepository repo = Git.open(remote(bare.toString(), state))) {
      repo.pull();
      assertThat(repo.checkout().resolve("vms")).isRegularFile();
      assertThat(Files.isSymbolicLink(repo.checkout().resolve("vms"))).isFalse();

      assertThatThrownBy(() -> repo.commitAndPush(writes("vms/evil.yaml", "x")))
          .isInstanceOf(GitException.class)
          .hasMessageContaining("vms is a symbolic link");
      assertThatThrownBy(() -> repo.commitAndPush(writes("link.yaml", "x")))
          .isInstanceOf(GitException.class)
          .hasMessageContaining("it is a symbolic link");
    }
    assertThat(outside).isEmptyDirectory();
    assertThat(Files.exists(outside.resolve("t.yaml"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(user.git(bare, "rev-list", "--count", "main").strip()).isEqualTo("2");
  }

  @Test
  void refusesToTurnAFileIntoAFolder() throws Exception {
    user.commitFile(userClone, "vms", "a file\n", "vms is a file");
    user.push(userClone);
    try (GitRepository repo = Git.open(remote(bare.toString(), state))) {
      repo.pull();
      assertThatThrownBy(() -> repo.commitAndPush(writes("vms/a.yaml", "x")))
          .isInstanceOf(GitException.class)
          .hasMessageContaining("vms is a file, not a folder");
    }
  }

  private String userPushes(String path, String content) {
    try {
      user.pull(userClone);
      String id = user.commitFile(userClone, path, content, "user adds " + path);
      user.push(userClone);
      return id;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
