package dev.ignite.adapters.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.ports.GuestShell;
import dev.ignite.ports.GuestShell.CopyMethod;
import dev.ignite.ports.GuestShellException;
import dev.ignite.ports.SshKeys.SshKeyPair;
import dev.ignite.ports.SshTarget;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exec and copies against a real OpenSSH sshd on loopback, standing in for a guest: one server
 * offers SFTP, the other has no sftp subsystem, so copies must fall back to tar over exec.
 */
@Tag("integration")
class GuestShellIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  @TempDir static Path dir;
  private static SshServerProcess withSftp;
  private static SshServerProcess withoutSftp;
  private static Path vmDir;
  private final GuestShell shell = Ssh.guestShell();
  @TempDir Path work;

  @BeforeAll
  static void startServers() throws Exception {
    SshServerProcess.assumeRoot("the test server logs in as root, as guests do");
    vmDir = Files.createDirectory(dir.resolve("vm"));
    SshKeyPair key = Ssh.keys().generate(vmDir, "test-vm");
    Path hostKey = dir.resolve("ssh_host_ed25519_key");
    SshServerProcess.newHostKey(hostKey);
    withSftp = SshServerProcess.openSsh(dir, hostKey, key.authorizedKey(), true);
    withoutSftp = SshServerProcess.openSsh(dir, hostKey, key.authorizedKey(), false);
  }

  @AfterAll
  static void stopServers() throws Exception {
    for (SshServerProcess server : new SshServerProcess[] {withSftp, withoutSftp}) {
      if (server != null) {
        server.close();
      }
    }
  }

  static SshTarget sftpGuest() {
    return SshTarget.forVm(vmDir, "test-vm", withSftp.port());
  }

  static SshTarget tarGuest() {
    return SshTarget.forVm(vmDir, "test-vm", withoutSftp.port());
  }

  @Test
  void execPrintsTheGuestKernelVersion() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = shell.exec(sftpGuest(), List.of("uname", "-r"), null, out, null, TIMEOUT);

    assertThat(code).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).trim())
        .isEqualTo(System.getProperty("os.version"));
  }

  @Test
  void execPassesTheExitCodeThrough() {
    int code = shell.exec(sftpGuest(), List.of("sh", "-c", "exit 3"), null, null, null, TIMEOUT);

    assertThat(code).isEqualTo(3);
  }

  @Test
  void execSeparatesStderrFromStdout() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    shell.exec(sftpGuest(), "echo to-out; echo to-err >&2", null, out, err, TIMEOUT);

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("to-out\n");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("to-err\n");
  }

  @Test
  void execStreamsOneMebibyteThroughCat() {
    byte[] data = randomBytes(1 << 20);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        shell.exec(tarGuest(), List.of("cat"), new ByteArrayInputStream(data), out, null, TIMEOUT);

    assertThat(code).isZero();
    assertThat(out.toByteArray()).isEqualTo(data);
  }

  @Test
  void argvWordsReachTheGuestUnchanged() {
    List<String> words =
        List.of("a b", "it's", "$HOME", "`id`", "*", "", "semi;colon", "new\nline");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> argv = new java.util.ArrayList<>(List.of("printf", "%s\\0"));
    argv.addAll(words);
    shell.exec(sftpGuest(), argv, null, out, null, TIMEOUT);

    assertThat(out.toString(StandardCharsets.UTF_8).split("\0", -1))
        .containsExactlyElementsOf(concat(words, ""));
  }

  @Test
  void execReturnsWhenTheCommandEndsBeforeItsInput() throws Exception {
    // an interactive caller's stdin may never reach EOF; the exit must not wait for it
    try (var neverEnds = new java.io.PipedInputStream(new java.io.PipedOutputStream())) {
      long start = System.nanoTime();
      int code = shell.exec(sftpGuest(), "exit 4", neverEnds, null, null, TIMEOUT);

      assertThat(code).isEqualTo(4);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void execGivesUpOnACommandThatOutlivesItsTimeout() {
    assertThatThrownBy(
            () ->
                shell.exec(
                    sftpGuest(), List.of("sleep", "30"), null, null, null, Duration.ofSeconds(2)))
        .isInstanceOf(GuestShellException.class)
        .hasMessageContaining("did not finish within PT2S");
  }

  @Test
  void copyIntoAMissingGuestFolderSaysWhichPath() throws Exception {
    Path local = Files.writeString(work.resolve("f.txt"), "x");
    String missing = work.resolve("no-such-dir/f.txt").toString();
    for (SshTarget guest : List.of(sftpGuest(), tarGuest())) {
      assertThatThrownBy(() -> shell.copyIn(guest, local, missing, TIMEOUT))
          .isInstanceOf(GuestShellException.class)
          .hasMessageContaining("no-such-dir");
    }
  }

  @Test
  void awaitReadyReturnsOnceTheGuestAnswers() {
    shell.awaitReady(tarGuest(), TIMEOUT);
  }

  @Test
  void awaitReadyGivesUpOnAPortNobodyListensOn() throws Exception {
    SshTarget nobody;
    try (var s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      nobody = SshTarget.forVm(vmDir, "test-vm", s.getLocalPort());
    }
    assertThatThrownBy(() -> shell.awaitReady(nobody, Duration.ofSeconds(2)))
        .isInstanceOf(GuestShellException.class)
        .hasMessageContaining("did not answer within PT2S");
  }

  @Test
  void awaitReadyWaitsOutAPortThatAcceptsButStaysSilent() throws Exception {
    // QEMU's port forward accepts before the guest listens; a silent listener is the same thing
    try (var silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      SshTarget quiet = SshTarget.forVm(vmDir, "test-vm", silent.getLocalPort());
      assertThatThrownBy(() -> shell.awaitReady(quiet, Duration.ofSeconds(2)))
          .isInstanceOf(GuestShellException.class)
          .hasMessageContaining("no SSH banner arrived");
    }
  }

  @Test
  void awaitReadyStopsAtOnceWhenTheGuestIsGone() {
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> shell.awaitReady(tarGuest(), TIMEOUT, () -> false))
        .isInstanceOf(dev.ignite.ports.GuestGoneException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void theBannerOfARealServerIsRecognised() {
    assertThat(SshBanner.answers("127.0.0.1", withSftp.port(), Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void copiesAFileInAndOutOverSftpKeepingItsChecksum() throws Exception {
    assertFileRoundTrip(sftpGuest(), CopyMethod.SFTP);
  }

  @Test
  void copiesAFileInAndOutWithTarWhenTheGuestHasNoSftp() throws Exception {
    assertFileRoundTrip(tarGuest(), CopyMethod.TAR_OVER_EXEC);
  }

  @Test
  void copiesAFolderInAndOutOverSftp() throws Exception {
    assertFolderRoundTrip(sftpGuest(), CopyMethod.SFTP);
  }

  @Test
  void copiesAFolderInAndOutWithTarWhenTheGuestHasNoSftp() throws Exception {
    assertFolderRoundTrip(tarGuest(), CopyMethod.TAR_OVER_EXEC);
  }

  @Test
  void copyOutOfAMissingGuestPathFailsAndLeavesNothing() throws Exception {
    for (SshTarget guest : List.of(sftpGuest(), tarGuest())) {
      Path local = work.resolve("none-" + guest.port());
      String missing = work.resolve("no-such-file").toString();

      assertThatThrownBy(() -> shell.copyOut(guest, missing, local, TIMEOUT))
          .isInstanceOf(GuestShellException.class)
          .hasMessageContaining("no-such-file");
    }
    assertThat(work).isEmptyDirectory();
  }

  @Test
  void copiesTheFileALinkNamesInBothDirections() throws Exception {
    Path real = Files.writeString(work.resolve("real.conf"), "nameserver 10.0.2.3\n");
    Path link = Files.createSymbolicLink(work.resolve("resolv.conf"), real.getFileName());
    for (SshTarget guest : List.of(sftpGuest(), tarGuest())) {
      Path back = work.resolve("back-" + guest.port());
      shell.copyOut(guest, link.toString(), back, TIMEOUT);
      String guestCopy = work.resolve("in-guest-" + guest.port()).toString();
      shell.copyIn(guest, link, guestCopy, TIMEOUT);

      assertThat(back).isRegularFile().hasContent("nameserver 10.0.2.3");
      assertThat(Path.of(guestCopy)).isRegularFile().hasContent("nameserver 10.0.2.3");
    }
  }

  private void assertFileRoundTrip(SshTarget guest, CopyMethod expected) throws Exception {
    Path local = work.resolve("random.bin");
    Files.write(local, randomBytes(1 << 20));
    Path guestDir = Files.createDirectory(work.resolve("guest"));
    String guestFile = guestDir.resolve("in-guest.bin").toString();

    assertThat(shell.copyIn(guest, local, guestFile, TIMEOUT)).isEqualTo(expected);
    Path back = work.resolve("back.bin");
    assertThat(shell.copyOut(guest, guestFile, back, TIMEOUT)).isEqualTo(expected);

    assertThat(Checksums.sha256(Path.of(guestFile))).isEqualTo(Checksums.sha256(local));
    assertThat(Checksums.sha256(back)).isEqualTo(Checksums.sha256(local));
  }

  private void assertFolderRoundTrip(SshTarget guest, CopyMethod expected) throws Exception {
    Path tree = Checksums.sampleTree(work.resolve("tree"));
    Path guestDir = Files.createDirectory(work.resolve("guest"));

    // an existing guest folder receives the copy inside it, as cp -r does
    assertThat(shell.copyIn(guest, tree, guestDir.toString(), TIMEOUT)).isEqualTo(expected);
    Path inGuest = guestDir.resolve("tree");
    assertThat(Checksums.describe(inGuest)).isEqualTo(Checksums.describe(tree));

    Path back = work.resolve("back");
    assertThat(shell.copyOut(guest, inGuest.toString(), back, TIMEOUT)).isEqualTo(expected);
    assertThat(Checksums.describe(back)).isEqualTo(Checksums.describe(tree));
    try (var left = Files.list(work)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("tree", "guest", "back");
    }
  }

  private static List<String> concat(List<String> a, String b) {
    List<String> all = new java.util.ArrayList<>(a);
    all.add(b);
    return all;
  }

  static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new Random(42).nextBytes(b);
    return b;
  }
}
