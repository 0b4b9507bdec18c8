package dev.ignite.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.api.Defaults;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.SshSpec;
import dev.ignite.api.Vm;
import dev.ignite.ports.GuestHostKey;
import dev.ignite.ports.RootDisk;
import dev.ignite.ports.SshKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

  /** Records what was pinned; makes host keys as plain files. */
  private static final class RecordingKeys implements SshKeys {
    final List<Optional<GuestHostKey>> pins = new ArrayList<>();

    @Override
    public SshKeyPair generate(Path dir, String vmName) {
      throw new UnsupportedOperationException("not used here");
    }

    @Override
    public GuestHostKey hostKey(Path dir) {
      return new GuestHostKey(dir.resolve("k"), dir.resolve("k.dropbear"), "ssh-ed25519 AAAAx");
    }

    @Override
    public void pinHostKey(Path vmDir, String vmName, Optional<GuestHostKey> key) {
      pins.add(key);
    }
  }

  private static Vm vm(SshSpec ssh) {
    return new Vm(
        ObjectMeta.named("vm"),
        Defaults.apply(Defaults.BUILT_IN.withImage("busybox")).withSsh(ssh),
        null);
  }

  @Test
  void aHostKeyIsMadeOnlyForAGuestIgniteLogsInTo() {
    GuestKeys keys = new GuestKeys(new RecordingKeys());

    assertThat(keys.hostKey(vm(SshSpec.GENERATE), dir)).isPresent();
    assertThat(keys.hostKey(vm(SshSpec.DISABLED), dir)).isEmpty();
  }

  @Test
  void theHostKeyIsPinnedOnlyWhereTheDiskHoldsIt() {
    RecordingKeys recording = new RecordingKeys();
    GuestKeys keys = new GuestKeys(recording);
    Vm vm = vm(SshSpec.GENERATE);
    Optional<GuestHostKey> key = keys.hostKey(vm, dir);

    keys.pin(vm, dir, key, new RootDisk.Built(List.of("/etc/dropbear/dropbear_ed25519_host_key")));
    keys.pin(vm, dir, key, new RootDisk.Built(List.of()));

    assertThat(recording.pins).containsExactly(key, Optional.empty());
  }

  @Test
  void refusesAHugeFile() throws Exception {
    Path big = Files.writeString(dir.resolve("big.pub"), "ssh-ed25519 " + "A".repeat(20_000));

    assertThatThrownBy(() -> GuestKeys.readPublicKey(big.toString()))
        .hasMessageContaining("larger than 16 KiB");
  }
}
