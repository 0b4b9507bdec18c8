package dev.ignite.adapters.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.ports.GuestShell;
import dev.ignite.ports.GuestShell.CopyMethod;
import dev.ignite.ports.SshKeys.SshKeyPair;
import dev.ignite.ports.SshTarget;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against a real dropbear, the SSH server our guests run. */
@Tag("integration")
class DropbearGuestIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  @TempDir static Path dir;
  private static SshServerProcess dropbear;
  private static SshTarget guest;
  private final GuestShell shell = Ssh.guestShell();
  @TempDir Path work;

  @BeforeAll
  static void startDropbear() throws Exception {
    SshServerProcess.assumeRoot(
        "dropbear reads /root/.ssh, bound over in a private mount namespace: needs root");
    Path vmDir = Files.createDirectory(dir.resolve("vm"));
    SshKeyPair key = Ssh.keys().generate(vmDir, "dropbear-vm");
    dropbear = SshServerProcess.dropbear(dir, key.authorizedKey());
    guest = SshTarget.forVm(vmDir, "dropbear-vm", dropbear.port());
  }

  @AfterAll
  static void stopDropbear() throws Exception {
    if (dropbear != null) {
      dropbear.close();
    }
  }

  @Test
  void execStreamsStdinAndPassesTheExitCodeThrough() {
    byte[] data = GuestShellIT.randomBytes(1 << 20);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code =
        shell.exec(
            guest,
            List.of("sh", "-c", "cat; exit 3"),
            new ByteArrayInputStream(data),
            out,
            null,
            TIMEOUT);

    assertThat(code).isEqualTo(3);
    assertThat(out.toByteArray()).isEqualTo(data);
  }

  @Test
  void copiesAFolderInAndOut() throws Exception {
    Path tree = Checksums.sampleTree(work.resolve("tree"));
    Path guestDir = Files.createDirectory(work.resolve("guest"));

    // Debian's dropbear looks for /usr/lib/sftp-server, which no package here installs: like a
    // minimal guest, it offers no SFTP, so this is the tar fallback against dropbear
    CopyMethod expected =
        Files.exists(Path.of("/usr/lib/sftp-server")) ? CopyMethod.SFTP : CopyMethod.TAR_OVER_EXEC;
    assertThat(shell.copyIn(guest, tree, guestDir.toString(), TIMEOUT)).isEqualTo(expected);
    Path back = work.resolve("back");
    assertThat(shell.copyOut(guest, guestDir.resolve("tree").toString(), back, TIMEOUT))
        .isEqualTo(expected);

    assertThat(Checksums.describe(guestDir.resolve("tree"))).isEqualTo(Checksums.describe(tree));
    assertThat(Checksums.describe(back)).isEqualTo(Checksums.describe(tree));
  }
}
