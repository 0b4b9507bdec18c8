package dev.ignite.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuestKeysTest {
  @TempDir Path dir;

  @Test
  void readsOnePublicKeyLine() throws Exception {
    Path key =
        Files.writeString(dir.resolve("k.pub"), "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA me@host\n");

    assertThat(GuestKeys.readPublicKey(key.toString()))
        .isEqualTo("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA me@host");
  }

  @Test
  void refusesAPrivateKeyOrOtherText() throws Exception {
    Path key = Files.writeString(dir.resolve("id"), "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n");

    assertThatThrownBy(() -> GuestKeys.readPublicKey(key.toString()))
        .hasMessageContaining("spec.ssh: " + key)
        .hasMessageContaining("not an SSH public key line");
  }

  @Test
  void refusesADirectoryAndAMissingFile() {
    assertThatThrownBy(() -> GuestKeys.readPublicKey(dir.toString()))
        .hasMessageContaining("not a regular file");
    assertThatThrownBy(() -> GuestKeys.readPublicKey(dir.resolve("missing.pub").toString()))
        .hasMessageContaining("not a regular file");
  }

  @Test
  void refusesAHugeFile() throws Exception {
    Path big = Files.writeString(dir.resolve("big.pub"), "ssh-ed25519 " + "A".repeat(20_000));

    assertThatThrownBy(() -> GuestKeys.readPublicKey(big.toString()))
        .hasMessageContaining("larger than 16 KiB");
  }
}
