package dev.ignite.adapters.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.ports.GuestHostKey;
import dev.ignite.testing.SampleImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guest's host key, checked with the servers' own tools (OpenSSH's and dropbear's). */
class GuestHostKeysTest {
  @TempDir Path dir;

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void oneKeyInOpenSshsAndDropbearsFormatsReadableByItsOwnerOnly() throws Exception {
    GuestHostKey key = Ssh.keys().hostKey(dir);

    assertThat(key.publicKey()).matches("ssh-ed25519 AAAA[A-Za-z0-9+/=]+");
    assertThat(mode(key.openSshPrivateKey())).isEqualTo("rw-------");
    assertThat(mode(key.dropbearPrivateKey())).isEqualTo("rw-------");
    String fromOpenSsh =
        SampleImage.run(List.of("ssh-keygen", "-y", "-f", key.openSshPrivateKey().toString()));
    String fromDropbear =
        SampleImage.run(List.of("dropbearkey", "-y", "-f", key.dropbearPrivateKey().toString()));
    assertThat(fromOpenSsh).startsWith(key.publicKey() + " ");
    assertThat(fromDropbear).contains("\n" + key.publicKey() + " ");
  }

  @Test
  void isMadeOnceSoARebuiltDiskGetsTheSameKey() throws Exception {
    GuestHostKey first = Ssh.keys().hostKey(dir);
    byte[] dropbear = Files.readAllBytes(first.dropbearPrivateKey());

    GuestHostKey again = Ssh.keys().hostKey(dir);

    assertThat(again).isEqualTo(first);
    assertThat(Files.readAllBytes(again.dropbearPrivateKey())).isEqualTo(dropbear);
  }

  @Test
  void thePinIsTheOnlyLineOfKnownHostsAndGoesWithoutAKey() throws Exception {
    Files.writeString(dir.resolve("known_hosts"), "ignite-vm ssh-ed25519 AAAAold\n");
    GuestHostKey key = Ssh.keys().hostKey(dir);

    Ssh.keys().pinHostKey(dir, "vm", Optional.of(key));
    assertThat(dir.resolve("known_hosts")).hasContent("ignite-vm " + key.publicKey());

    Ssh.keys().pinHostKey(dir, "vm", Optional.empty());
    assertThat(dir.resolve("known_hosts")).doesNotExist();
  }
}
