package dev.ignite.adapters.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.ports.GuestHostKey;
import dev.ignite.ports.GuestShell;
import dev.ignite.ports.HostKeyChangedException;
import dev.ignite.ports.SshKeys.SshKeyPair;
import dev.ignite.ports.SshTarget;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust on first use, then strict, shared between the guest shell and the system ssh. */
@Tag("integration")
class HostKeyPinningIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final GuestShell shell = Ssh.guestShell();
  @TempDir Path dir;
  private Path vmDir;
  private SshKeyPair key;

  @BeforeEach
  void makeKey() throws Exception {
    SshServerProcess.assumeRoot("the test server logs in as root, as guests do");
    vmDir = Files.createDirectory(dir.resolve("vm"));
    key = Ssh.keys().generate(vmDir, "pinned-vm");
  }

  @Test
  void pinsTheFirstHostKeyAndRefusesAChangedOne() throws Exception {
    Path hostKey = dir.resolve("host_key");
    SshServerProcess.newHostKey(hostKey);
    try (SshServerProcess first =
        SshServerProcess.openSsh(dir, hostKey, key.authorizedKey(), true)) {
      assertThat(run(SshTarget.forVm(vmDir, "pinned-vm", first.port()), "true")).isZero();
    }
    Path knownHosts = vmDir.resolve("known_hosts");
    assertThat(Files.readString(knownHosts)).startsWith("ignite-pinned-vm ssh-ed25519 AAAA");

    SshServerProcess.newHostKey(hostKey);
    try (SshServerProcess rebuilt =
        SshServerProcess.openSsh(dir, hostKey, key.authorizedKey(), true)) {
      SshTarget target = SshTarget.forVm(vmDir, "pinned-vm", rebuilt.port());

      assertThatThrownBy(() -> run(target, "true"))
          .isInstanceOf(HostKeyChangedException.class)
          .hasMessageContaining("host key of ignite-pinned-vm")
          .hasMessageContaining("has changed")
          .hasMessageContaining(knownHosts.toString())
          .hasMessageContaining("SHA256:");
      assertThatThrownBy(() -> shell.awaitReady(target, TIMEOUT))
          .isInstanceOf(HostKeyChangedException.class);
    }
  }

  @Test
  void theSameKeyIsAcceptedOnAnotherPort() throws Exception {
    Path hostKey = dir.resolve("host_key");
    SshServerProcess.newHostKey(hostKey);
    try (SshServerProcess a = SshServerProcess.openSsh(dir, hostKey, key.authorizedKey(), true);
        SshServerProcess b = SshServerProcess.openSsh(dir, hostKey, key.authorizedKey(), true)) {
      assertThat(run(SshTarget.forVm(vmDir, "pinned-vm", a.port()), "true")).isZero();
      assertThat(run(SshTarget.forVm(vmDir, "pinned-vm", b.port()), "true")).isZero();
    }
    assertThat(Files.readAllLines(vmDir.resolve("known_hosts"))).hasSize(1);
  }

  @Test
  void systemSshUsesTheInteractiveArgvAndSharesThePin() throws Exception {
    Path hostKey = dir.resolve("host_key");
    SshServerProcess.newHostKey(hostKey);
    try (SshServerProcess server =
        SshServerProcess.openSsh(dir, hostKey, key.authorizedKey(), true)) {
      SshTarget target = SshTarget.forVm(vmDir, "pinned-vm", server.port());
      List<String> argv =
          new ArrayList<>(Ssh.interactiveCommand(target, List.of("echo", "from ssh")));
      argv.add(1, "-oBatchMode=yes");
      Process ssh = new ProcessBuilder(argv).redirectErrorStream(true).start();
      String out = new String(ssh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(ssh.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(out).contains("from ssh");
      assertThat(ssh.exitValue()).isZero();
      // the pin ssh wrote is the one the guest shell then checks
      assertThat(Files.readString(vmDir.resolve("known_hosts"))).contains("ssh-ed25519");
      assertThat(run(target, "true")).isZero();
      assertThat(Files.readAllLines(vmDir.resolve("known_hosts"))).hasSize(1);
    }
  }

  @Test
  void aHostKeyMadeBeforeTheFirstBootIsCheckedOnTheFirstConnection() throws Exception {
    GuestHostKey made = Ssh.keys().hostKey(vmDir);
    Ssh.keys().pinHostKey(vmDir, "pinned-vm", Optional.of(made));
    Path knownHosts = vmDir.resolve("known_hosts");
    String pinned = Files.readString(knownHosts);
    Path otherKey = dir.resolve("other_host_key");
    SshServerProcess.newHostKey(otherKey);

    // a server with another key is refused at once: there is no first use to trust
    try (SshServerProcess impostor =
        SshServerProcess.openSsh(dir, otherKey, key.authorizedKey(), true)) {
      assertThatThrownBy(() -> run(SshTarget.forVm(vmDir, "pinned-vm", impostor.port()), "true"))
          .isInstanceOf(HostKeyChangedException.class);
    }
    try (SshServerProcess guest =
        SshServerProcess.openSsh(dir, made.openSshPrivateKey(), key.authorizedKey(), true)) {
      assertThat(run(SshTarget.forVm(vmDir, "pinned-vm", guest.port()), "true")).isZero();
    }
    assertThat(Files.readString(knownHosts)).isEqualTo(pinned);
  }

  @Test
  void dropbearServesTheHostKeyMadeForItInItsOwnFormat() throws Exception {
    GuestHostKey made = Ssh.keys().hostKey(vmDir);
    Ssh.keys().pinHostKey(vmDir, "pinned-vm", Optional.of(made));
    Files.copy(made.dropbearPrivateKey(), dir.resolve("dropbear_ed25519_host_key"));

    try (SshServerProcess guest = SshServerProcess.dropbear(dir, key.authorizedKey())) {
      assertThat(run(SshTarget.forVm(vmDir, "pinned-vm", guest.port()), "true")).isZero();
    }
    assertThat(Files.readAllLines(vmDir.resolve("known_hosts")))
        .containsExactly("ignite-pinned-vm " + made.publicKey());
  }

  private int run(SshTarget target, String command) {
    return shell.exec(target, command, null, new ByteArrayOutputStream(), null, TIMEOUT);
  }
}
