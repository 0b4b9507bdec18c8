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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The seed's workflow with real parts, one daemon run: OpenSSH serving a bare repository on
 * loopback, the user's own {@code git}, {@code bin/ignited gitops} as a process, QEMU VMs.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GitopsWorkflowIT {
  static final Path ROOT = Path.of("").toAbsolutePath();
  static final Duration BOOT = Duration.ofSeconds(240);

  Path tmp;
  LoopbackSshd sshd;
  GitUser user;
  Path clone;
  Path state;
  Path daemonLog;
  Process daemon;
  String image;

  @BeforeAll
  void startDaemon() throws Exception {
    tmp = Files.createTempDirectory("gitops-it-");
    sshd = LoopbackSshd.start(tmp.resolve("sshd"));
    Path bare = GitUser.bareRepository(tmp.resolve("vms.git"));
    user = GitUser.overSsh(sshd, tmp.resolve("home"));
    clone = user.cloneOf(sshd.url(bare), tmp.resolve("clone"));
    state = Files.createDirectories(tmp.resolve("state"));
    image = "oci:" + SampleImage.layout() + ":1";
    daemonLog = tmp.resolve("ignited.log");
    daemon =
        new ProcessBuilder(
                ROOT.resolve("bin/ignited").toString(),
                "gitops",
                sshd.url(bare),
                "--state-dir",
                state.toString(),
                "--identity-file",
                sshd.identity().toString(),
                "--known-hosts",
                sshd.knownHosts().toString(),
                "--allow-host-path",
                SampleImage.layout().toString(),
                "--interval",
                "2s",
                "--author-name",
                "ignited-test")
            .redirectErrorStream(true)
            .redirectOutput(daemonLog.toFile())
            .start();
  }

  @AfterAll
  void stopDaemon() throws Exception {
    if (daemon != null) {
      daemon.destroy();
      daemon.waitFor(30, TimeUnit.SECONDS);
    }
    ignite("rm", "-f", "my-vm");
    if (sshd != null) {
      sshd.close();
    }
  }

  String vmFile(String memory, boolean running) {
    return "# my VM: comments and key order stay as written\n"
        + "apiVersion: ignite.weave.works/v1alpha4\n"
        + "kind: VM\n"
        + "metadata:\n"
        + "  name: my-vm\n"
        + "spec:\n"
        + "  image:\n"
        + "    oci: "
        + image
        + "\n"
        + "  cpus: 1\n"
        + "  memory: "
        + memory
        + "\n"
        + "  diskSize: 1GB\n"
        + "  ssh: true\n"
        + "status:\n"
        + "  running: "
        + running
        + "\n";
  }

  /** Commits {@code text} as my-vm.yaml on top of whatever the daemon pushed, and pushes. */
  void push(String text, String message) throws Exception {
    if (!user.git(clone, "ls-remote", "origin", "main").isBlank()) {
      user.pull(clone);
    }
    String current = Files.exists(clone.resolve("my-vm.yaml")) ? read("my-vm.yaml") : "";
    String uidLine = current.lines().filter(l -> l.startsWith("  uid: ")).findFirst().orElse(null);
    String withUid =
        uidLine == null
            ? text
            : text.replace("  name: my-vm\n", "  name: my-vm\n" + uidLine + "\n");
    user.commitFile(clone, "my-vm.yaml", withUid, message);
    user.push(clone);
  }

  String read(String file) throws IOException {
    return Files.readString(clone.resolve(file));
  }

  Result ignite(String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(ROOT.resolve("bin/ignite").toString(), "--state-dir", state.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(300, TimeUnit.SECONDS);
    return new Result(p.exitValue(), out);
  }

  record Result(int code, String out) {}

  /**
   * The file without its status block (last in these files) and without the uid the daemon adds.
   */
  static String outsideStatus(String text) {
    String head = text.contains("\nstatus:") ? text.substring(0, text.indexOf("\nstatus:")) : text;
    return head.replaceAll("(?m)^  uid: .*\n", "");
  }

  String log() throws IOException {
    return Files.readString(daemonLog);
  }

  long guestMemTotalKb() throws Exception {
    Result r = ignite("exec", "my-vm", "--", "sh", "-c", "grep MemTotal /proc/meminfo");
    assertThat(r.code()).as(r.out()).isZero();
    return Long.parseLong(r.out().replaceAll("[^0-9]", ""));
  }

  @Test
  @Order(1)
  void pushedVmBootsAndItsStatusComesBackAsOneStatusOnlyCommit() throws Exception {
    push(vmFile("256MB", true), "add my-vm");
    await()
        .atMost(BOOT)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(ignite("exec", "my-vm", "--", "true").code()).isZero());
    assertThat(ignite("ps").out()).contains("my-vm", "Up ");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              user.pull(clone);
              assertThat(read("my-vm.yaml")).contains("reason: Started");
            });
    String diff = user.git(clone, "show", "--format=%an%n%s", "HEAD");
    assertThat(diff).startsWith("ignited-test\nStatus of my-vm on ");
    String before = user.git(clone, "show", "HEAD~1:my-vm.yaml");
    String after = user.git(clone, "show", "HEAD:my-vm.yaml");
    assertThat(outsideStatus(after)).isEqualTo(outsideStatus(before));
    assertThat(user.git(clone, "show", "--stat", "--format=", "HEAD").strip())
        .startsWith("my-vm.yaml |");
    assertThat(read("my-vm.yaml"))
        .startsWith("# my VM: comments and key order stay as written\n")
        .contains("  memory: 256MB\n", "  running: true\n", "startTime:", "ipAddresses:");
  }

  @Test
  @Order(2)
  void raisingMemoryAndAddingAFileRestartsTheVmWithBoth() throws Exception {
    long before = guestMemTotalKb();
    user.pull(clone);
    Files.createDirectories(clone.resolve("files"));
    Files.writeString(clone.resolve("files/motd"), "hello from git\n");
    user.git(clone, "add", "--", "files/motd");
    push(
        vmFile("384MB", true)
            .replace(
                "  ssh: true\n",
                "  ssh: true\n  copyFiles:\n  - hostPath: files/motd\n    vmPath: /etc/motd\n"),
        "more memory and a motd for my-vm");
    await()
        .atMost(BOOT)
        .pollInterval(Duration.ofSeconds(3))
        .untilAsserted(
            () -> {
              Result r = ignite("exec", "my-vm", "--", "sh", "-c", "grep MemTotal /proc/meminfo");
              assertThat(r.code()).isZero();
              assertThat(Long.parseLong(r.out().replaceAll("[^0-9]", "")))
                  .isGreaterThan(before + 100_000);
            });
    Result motd = ignite("exec", "my-vm", "--", "cat", "/etc/motd");
    assertThat(motd.out()).as("the file copied in while it was stopped").contains("hello from git");
  }

  @Test
  @Order(3)
  void runningFalseInGitStopsIt() throws Exception {
    push(vmFile("384MB", false), "stop my-vm");
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> assertThat(ignite("ps").out()).doesNotContain("my-vm"));
    assertThat(ignite("ps", "-a").out()).contains("my-vm", "Stopped");
  }

  @Test
  @Order(4)
  void ignitesStopOnTheHostIsCommittedUpstream() throws Exception {
    push(vmFile("384MB", true), "start my-vm again");
    await()
        .atMost(BOOT)
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(() -> assertThat(ignite("exec", "my-vm", "--", "true").code()).isZero());
    Result stop = ignite("stop", "my-vm");
    assertThat(stop.code()).as(stop.out()).isZero();
    assertThat(stop.out()).contains("managed by");
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              user.pull(clone);
              assertThat(user.git(clone, "log", "--format=%s")).contains("ignite stop my-vm on ");
              assertThat(read("my-vm.yaml")).contains("  running: false\n");
            });
    Thread.sleep(6000); // two more syncs: the daemon must not start it again
    assertThat(ignite("ps").out()).doesNotContain("my-vm");
  }

  @Test
  @Order(5)
  void deletingTheFileRemovesTheVm() throws Exception {
    user.pull(clone);
    user.git(clone, "rm", "-q", "my-vm.yaml");
    user.git(clone, "commit", "-q", "-m", "remove my-vm");
    user.push(clone);
    await()
        .atMost(Duration.ofSeconds(90))
        .untilAsserted(() -> assertThat(ignite("ps", "-a").out()).doesNotContain("my-vm"));
    assertThat(log()).contains("my-vm");
    assertThat(daemon.isAlive()).as(log()).isTrue();
  }
}
