package dev.ignite.adapters.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.ports.SshKeys.SshKeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Ed25519KeysTest {
  @TempDir Path dir;

  @Test
  void writesPrivateKeyReadableOnlyByOwner() throws Exception {
    SshKeyPair pair = Ssh.keys().generate(dir, "my-vm");

    assertThat(pair.privateKey()).isEqualTo(dir.resolve("id_ed25519"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pair.privateKey())))
        .isEqualTo("rw-------");
    assertThat(Files.readString(pair.privateKey()))
        .startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
  }

  @Test
  void writesAuthorizedKeyLineNamedAfterTheVm() throws Exception {
    SshKeyPair pair = Ssh.keys().generate(dir, "my-vm");

    assertThat(pair.authorizedKey()).matches("ssh-ed25519 AAAA[A-Za-z0-9+/=]+ ignite-my-vm");
    assertThat(Files.readString(pair.publicKey())).isEqualTo(pair.authorizedKey() + "\n");
  }

  @Test
  void privateKeyLoadsBackAsThePublishedPair() throws Exception {
    SshKeyPair pair = Ssh.keys().generate(dir, "my-vm");

    KeyPair loaded = new FileKeyPairProvider(pair.privateKey()).loadKeys(null).iterator().next();
    assertThat(pair.authorizedKey()).startsWith(PublicKeyEntry.toString(loaded.getPublic()) + " ");
  }

  @Test
  void leavesNoTemporaryFilesBehind() throws Exception {
    Ssh.keys().generate(dir, "my-vm");

    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("id_ed25519", "id_ed25519.pub");
    }
  }

  @Test
  void refusesToReplaceAnExistingKey() throws Exception {
    SshKeyPair first = Ssh.keys().generate(dir, "my-vm");
    String before = Files.readString(first.privateKey());

    assertThatThrownBy(() -> Ssh.keys().generate(dir, "my-vm"))
        .hasMessageContaining("id_ed25519")
        .hasMessageContaining("already exists");
    assertThat(Files.readString(first.privateKey())).isEqualTo(before);
  }

  @Test
  void refusesNamesThatWouldBreakTheAuthorizedKeysLine() {
    assertThatThrownBy(() -> Ssh.keys().generate(dir, "vm\nssh-ed25519 AAAA evil"))
        .hasMessageContaining("DNS-1123");
    assertThat(dir).isEmptyDirectory();
  }
}
