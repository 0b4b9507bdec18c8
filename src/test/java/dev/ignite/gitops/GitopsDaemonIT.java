package dev.ignite.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ignite.testing.GitUser;
import dev.ignite.testing.LoopbackSshd;
import dev.ignite.testing.SampleImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon as a process against real repositories: bad input, host keys, SIGKILL. */
@Tag("integration")
class GitopsDaemonIT {
  static final Path ROOT = Path.of("").toAbsolutePath();

  @TempDir Path tmp;

  record Run(int code, String out) {}

  static Run run(List<String> cmd, int seconds) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out);
  }

  List<String> ignited(Path state, String... args) {
    List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("bin/ignited").toString()));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--state-dir", state.toString()));
    return cmd;
  }

  Run ignite(Path state, String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(ROOT.resolve("bin/ignite").toString(), "--state-dir", state.toString()));
    cmd.addAll(List.of(args));
    return run(cmd, 120);
  }

  static String vm(String name, boolean running, String image) {
    return "apiVersion: ignite.weave.works/v1alpha4\nkind: VM\nmetadata:\n  name: "
        + name
        + "\nspec:\n  image:\n    oci: "
        + image
        + "\n  memory: 256MB\n  diskSize: 1GB\n  ssh: true\nstatus:\n  running: "
        + running
        + "\n";
  }

  @Test
  void badFilesAreReportedInTheLogAndTheirConditionsWhileGoodOnesReconcile() throws Exception {
    Path bare = GitUser.bareRepository(tmp.resolve("vms.git"));
    GitUser user = GitUser.local(tmp.resolve("home"));
    Path clone = user.cloneOf(bare.toUri().toString(), tmp.resolve("clone"));
    user.commitFile(clone, "good.yaml", vm("good", false, "sample:1"), "good");
    user.commitFile(clone, "broken.yaml", "kind: VM\nmetadata: [\n", "broken");
    user.commitFile(
        clone,
        "unknown.yaml",
        vm("unknown", false, "sample:1").replace("memory:", "memroy:"),
        "unknown");
    user.commitFile(
        clone, "size.yaml", vm("size", false, "sample:1").replace("256MB", "lots"), "size");
    user.commitFile(clone, "dup1.yaml", vm("twin", false, "sample:1"), "dup");
    user.commitFile(clone, "dup2.yaml", vm("twin", false, "sample:1"), "dup");
    user.commitFile(
        clone,
        "shadow.yaml",
        vm("thief", false, "sample:1")
            .replace(
                "  ssh: true\n",
                "  ssh: true\n  copyFiles:\n  - hostPath: /etc/shadow\n    vmPath: /tmp/s\n"),
        "shadow");
    user.commitFile(
        clone,
        "deploy.yaml",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n",
        "k8s");
    user.push(clone);
    Path state = tmp.resolve("state");
    Run r = run(ignited(state, "gitops", bare.toUri().toString(), "--once"), 120);
    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out())
        .contains(
            "broken.yaml:3:1: invalid YAML",
            "unknown.yaml:8:3: spec.memroy: unknown field",
            "size.yaml:8:")
        .contains("declared more than once, in dup1.yaml (twin) and dup2.yaml (twin)")
        .contains("spec.copyFiles[0].hostPath: /etc/shadow is outside");
    assertThat(ignite(state, "ps", "-a").out())
        .contains("good")
        .doesNotContain("twin", "thief", "unknown");
    user.pull(clone);
    assertThat(Files.readString(clone.resolve("unknown.yaml"))).contains("reason: InvalidManifest");
    assertThat(Files.readString(clone.resolve("shadow.yaml"))).contains("/etc/shadow is outside");
    assertThat(Files.readString(clone.resolve("dup1.yaml"))).contains("reason: Refused");
    assertThat(Files.readString(clone.resolve("good.yaml"))).contains("uid: ");
    assertThat(Files.readString(clone.resolve("broken.yaml"))).isEqualTo("kind: VM\nmetadata: [\n");
    assertThat(Files.readString(clone.resolve("deploy.yaml"))).doesNotContain("status");
  }

  @Test
  void changedHostKeyIsRefusedAndNothingApplied() throws Exception {
    try (LoopbackSshd sshd = LoopbackSshd.start(tmp.resolve("sshd"))) {
      Path bare = GitUser.bareRepository(tmp.resolve("vms.git"));
      GitUser user = GitUser.overSsh(sshd, tmp.resolve("home"));
      Path clone = user.cloneOf(sshd.url(bare), tmp.resolve("clone"));
      user.commitFile(clone, "a.yaml", vm("a", false, "sample:1"), "a");
      user.push(clone);
      Path knownHosts = Files.copy(sshd.knownHosts(), tmp.resolve("known_hosts"));
      sshd.changeHostKey();
      Path state = tmp.resolve("state");
      Run r =
          run(
              ignited(
                  state,
                  "gitops",
                  sshd.url(bare),
                  "--once",
                  "--identity-file",
                  sshd.identity().toString(),
                  "--known-hosts",
                  knownHosts.toString()),
              120);
      assertThat(r.code()).isNotZero();
      assertThat(r.out()).contains(sshd.hostKeyFingerprint(), knownHosts.toString());
      assertThat(ignite(state, "ps", "-a", "-q").out()).isBlank();
    }
  }

  @Test
  void sigkillMidSyncThenRestartConvergesWithoutDuplicatesOrOrphans() throws Exception {
    Path bare = GitUser.bareRepository(tmp.resolve("vms.git"));
    GitUser user = GitUser.local(tmp.resolve("home"));
    Path clone = user.cloneOf(bare.toUri().toString(), tmp.resolve("clone"));
    String image = "oci:" + SampleImage.layout() + ":1";
    Files.writeString(clone.resolve("runner.yaml"), vm("runner", true, image));
    for (int i = 0; i < 150; i++) {
      Files.writeString(clone.resolve("vm" + i + ".yaml"), vm("vm" + i, false, image));
    }
    user.git(clone, "add", "-A");
    user.git(clone, "commit", "-q", "-m", "151 VMs");
    user.push(clone);
    Path state = tmp.resolve("state");
    List<String> daemon =
        ignited(
            state,
            "gitops",
            bare.toUri().toString(),
            "--allow-host-path",
            SampleImage.layout().toString(),
            "--interval",
            "1h");
    Process first =
        new ProcessBuilder(daemon)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("first.log").toFile())
            .start();
    try {
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(100))
          .until(
              () ->
                  Files.readString(tmp.resolve("first.log"))
                      .contains("building the root disk of VM runner"));
    } finally {
      first.destroyForcibly(); // SIGKILL mid-reconcile
      first.waitFor(30, TimeUnit.SECONDS);
    }
    Run again = run(daemonOnce(daemon), 300);
    assertThat(again.code()).as(again.out()).isZero();
    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(
            () -> {
              String ps = ignite(state, "ps", "-a", "-t", "{{.Name}}").out();
              List<String> names = ps.lines().toList();
              assertThat(names).hasSize(151).doesNotHaveDuplicates();
              assertThat(ignite(state, "ps", "-t", "{{.Name}}").out().strip()).isEqualTo("runner");
            });
    Run qemus = run(List.of("pgrep", "-f", "qemu-system.*" + state), 10);
    assertThat(qemus.out().strip().lines())
        .as("one QEMU process for the one running VM")
        .hasSize(1);
    ignite(state, "rm", "-f", "runner");
  }

  private static List<String> daemonOnce(List<String> daemon) {
    List<String> once = new ArrayList<>(daemon);
    once.add("--once");
    return once;
  }
}
