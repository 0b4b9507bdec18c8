package dev.ignite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.testing.BuiltKernel;
import dev.ignite.testing.SampleImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code ignite exec}, {@code ssh} and {@code cp} against one real sample VM booted by {@code
 * ignite run --ssh} under QEMU, all through the launcher bin/ignite as a user would type them. The
 * boot is the slow part, so the tests share it and run in order; the last one stops the VM.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuestCommandsIT {
  static final Path ROOT = Path.of("").toAbsolutePath();
  static final String VM = "guest-it";

  Path state;
  Path work;

  record Result(int code, String out, String err) {}

  @BeforeAll
  void bootTheSample() throws Exception {
    assertThat(ROOT.resolve("target/ignite.jar"))
        .as("bin/ignite runs target/ignite.jar: build it with `mvn -q package -DskipTests`")
        .exists();
    // short paths: the VM's QMP socket path must fit in 107 bytes
    state = Files.createTempDirectory("ig-guest-");
    work = Files.createTempDirectory("ig-guest-files-");
    Path layout = work.resolve("sample");
    SampleImage.run(List.of("scripts/build-sample-image", layout.toString()));
    Result run =
        ignite(
            null,
            600,
            "run",
            "oci:" + layout + ":1",
            "--name",
            VM,
            "--ssh",
            "--memory",
            "256MB",
            "--cpus",
            "2",
            "--timeout",
            "300");
    assertThat(run.code()).as(run.err()).isZero();
  }

  @AfterAll
  void removeTheVm() throws Exception {
    Result rm = ignite(null, 120, "rm", "-f", VM);
    assertThat(rm.code()).as(rm.err()).isZero();
    SampleImage.run(List.of("rm", "-rf", state.toString(), work.toString()));
  }

  Result ignite(byte[] stdin, int timeoutSeconds, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("bin/ignite").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
    pb.environment().put("IGNITE_STATE_DIR", state.toString());
    Path err = Files.createTempFile(work, "err", ".txt");
    Process p = pb.redirectError(err.toFile()).start();
    try (var in = p.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin);
      }
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as("ignite %s finished", args).isTrue();
    return new Result(p.exitValue(), out, Files.readString(err));
  }

  Result ignite(String... args) throws Exception {
    return ignite(null, 120, args);
  }

  /**
   * The guest's host key is made on the host and pinned before the first boot: the key in the VM
   * folder, the pin, and the key the booted guest presents are one key.
   */
  @Test
  @Order(0)
  void theGuestPresentsTheHostKeyPinnedBeforeItsFirstBoot() throws Exception {
    Path vmDir;
    try (Stream<Path> vms = Files.list(state.resolve("vms"))) {
      vmDir = vms.filter(Files::isDirectory).findFirst().orElseThrow();
    }
    Path hostKey = vmDir.resolve("ssh_host_ed25519_key");
    assertThat(hostKey).as("the host key ignite made for the guest").exists();
    String made = keyOf(SampleImage.run(List.of("ssh-keygen", "-y", "-f", hostKey.toString())));
    String pinned =
        keyOf(Files.readString(vmDir.resolve("known_hosts")).replaceFirst("^\\S+ ", ""));
    String qemuArgs =
        Files.readString(
            Path.of("/proc/" + Files.readString(vmDir.resolve("qemu.pid")).strip() + "/cmdline"));
    java.util.regex.Matcher port =
        java.util.regex.Pattern.compile("hostfwd=tcp:127\\.0\\.0\\.1:(\\d+)-:22").matcher(qemuArgs);
    assertThat(port.find()).isTrue();
    String scanned =
        SampleImage.run(List.of("ssh-keyscan", "-t", "ed25519", "-p", port.group(1), "127.0.0.1"));
    String presented =
        keyOf(
            scanned
                .lines()
                .filter(l -> !l.startsWith("#"))
                .findFirst()
                .orElseThrow()
                .replaceFirst("^\\S+ ", ""));

    assertThat(pinned).isEqualTo(made);
    assertThat(presented).isEqualTo(made);
  }

  /** "ssh-ed25519 AAAA…" of a public key line, without its comment. */
  private static String keyOf(String line) {
    String[] f = line.strip().split("\\s+");
    return f[0] + " " + f[1];
  }

  @Test
  @Order(1)
  void theVmBootsIgnitesOwnKernelByDefaultWithTheCpusAndMemoryAsked() throws Exception {
    Result release = ignite("exec", VM, "--", "uname", "-r");
    Result cpus = ignite("exec", VM, "--", "nproc");
    Result memory = ignite("exec", VM, "--", "awk '/^MemTotal:/ {print $2}' /proc/meminfo");

    assertThat(release.code()).as(release.err()).isZero();
    assertThat(release.out().strip()).isEqualTo(BuiltKernel.release()).endsWith("-ignite");
    assertThat(ignite("inspect", "vm", VM).out()).contains(BuiltKernel.imageRef());
    assertThat(cpus.out().strip()).isEqualTo("2");
    // MemTotal is the RAM less what the kernel keeps for itself: a few MiB of 256
    assertThat(Long.parseLong(memory.out().strip()) / 1024).isBetween(230L, 256L);
  }

  @Test
  @Order(2)
  void execPassesTheCommandsExitCodeThrough() throws Exception {
    Result r = ignite("exec", VM, "--", "sh", "-c", "echo out; echo err >&2; exit 3");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.out()).isEqualTo("out\n");
    assertThat(r.err()).isEqualTo("err\n");
  }

  @Test
  @Order(3)
  void execRunsOneArgumentThroughTheGuestShell() throws Exception {
    Result r = ignite("exec", VM, "echo $((40 + 2)) | tr 4 X; ls -d /root");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("X2\n/root\n");
  }

  @Test
  @Order(4)
  void execStreamsStdinToTheGuest() throws Exception {
    byte[] text = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);
    Result r = ignite(text, 120, "exec", VM, "--", "wc", "-l");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo("2");
  }

  @Test
  @Order(5)
  void cpOfAOneMebibyteFileInAndBackOutKeepsItsChecksum() throws Exception {
    byte[] data = new byte[1 << 20];
    new Random(7).nextBytes(data);
    Path original = Files.write(work.resolve("random.bin"), data);
    Result in = ignite("cp", original.toString(), VM + ":/root/random.bin");
    assertThat(in.code()).as(in.err()).isZero();
    Path back = work.resolve("back.bin");
    Result out = ignite("cp", VM + ":/root/random.bin", back.toString());
    assertThat(out.code()).as(out.err()).isZero();
    assertThat(sha256(back)).isEqualTo(sha256(original));
    Result guestSum = ignite("exec", VM, "--", "sha256sum", "/root/random.bin");
    assertThat(guestSum.out()).startsWith(sha256(original) + " ");
  }

  @Test
  @Order(6)
  void cpCopiesADirectoryInAndOut() throws Exception {
    Path site = Files.createDirectories(work.resolve("site/css"));
    Files.writeString(work.resolve("site/index.html"), "<h1>hi</h1>\n");
    Files.writeString(site.resolve("main.css"), "h1 { color: red }\n");
    Result in = ignite("cp", work.resolve("site").toString(), VM + ":/root/");
    assertThat(in.code()).as(in.err()).isZero();
    Result listed = ignite("exec", VM, "cat /root/site/index.html /root/site/css/main.css");
    assertThat(listed.out()).isEqualTo("<h1>hi</h1>\nh1 { color: red }\n");

    Path back = Files.createDirectories(work.resolve("back"));
    Result out = ignite("cp", VM + ":/root/site", back.toString());
    assertThat(out.code()).as(out.err()).isZero();
    assertThat(back.resolve("site/css/main.css")).hasContent("h1 { color: red }");
    assertThat(back.resolve("site/index.html")).hasContent("<h1>hi</h1>");
  }

  @Test
  @Order(7)
  void sshRunsACommandWithTheSystemClient() throws Exception {
    Result r = ignite("ssh", VM, "--", "cat", "/etc/hostname");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out().strip()).isEqualTo(VM);
    assertThat(ignite("ssh", VM, "--", "sh", "-c", "exit 5").code()).isEqualTo(5);
  }

  @Test
  @Order(8)
  void execOnAStoppedVmSaysHowToStartIt() throws Exception {
    Result stop = ignite(null, 180, "stop", VM);
    assertThat(stop.code()).as(stop.err()).isZero();
    Result r = ignite("exec", VM, "--", "true");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err().strip())
        .isEqualTo("error: VM " + VM + " is not running: start it with `ignite start " + VM + "`");
  }

  private static String sha256(Path file) throws IOException {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
