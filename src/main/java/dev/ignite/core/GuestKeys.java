package dev.ignite.core;

import dev.ignite.api.SshSpec;
import dev.ignite.api.Vm;
import dev.ignite.ports.GuestHostKey;
import dev.ignite.ports.RootDisk;
import dev.ignite.ports.SshKeys;
import dev.ignite.ports.SshTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code authorized_keys} text of a VM. {@code ssh: true} generates the VM's own key in its
 * folder (once); {@code ssh: PATH} authorises that public key and, so that {@code ignite exec} can
 * still reach the guest, the VM's own key as well.
 */
final class GuestKeys {
  private static final Logger LOG = LoggerFactory.getLogger(GuestKeys.class);
  private static final long MAX_KEY_BYTES = 16 * 1024;
  private static final Pattern KEY_LINE =
      Pattern.compile(
          "(ssh-(ed25519|rsa|dss)|ecdsa-sha2-nistp(256|384|521)|sk-\\S+) [A-Za-z0-9+/=]+( .*)?");

  private final SshKeys keys;

  GuestKeys(SshKeys keys) {
    this.keys = keys;
  }

  Optional<String> authorizedKeys(Vm vm, Path vmDir) {
    SshSpec ssh = vm.spec().ssh();
    if (ssh == null || !ssh.enabled()) {
      return Optional.empty();
    }
    List<String> lines = new ArrayList<>();
    ssh.publicKey().ifPresent(path -> lines.add(readPublicKey(path)));
    lines.add(ownKey(vm, vmDir));
    return Optional.of(String.join("\n", lines) + "\n");
  }

  /**
   * The guest's host key, made on the host (once per VM folder) when Ignite will log in to the
   * guest, so its first connection is checked against a key known in advance.
   */
  Optional<GuestHostKey> hostKey(Vm vm, Path vmDir) {
    SshSpec ssh = vm.spec().ssh();
    return ssh == null || !ssh.enabled() ? Optional.empty() : Optional.of(keys.hostKey(vmDir));
  }

  /**
   * After a disk was built: the host key is pinned if the disk holds it where the guest's SSH
   * server reads it; otherwise old pins go (the new disk's server makes its own key, trusted on
   * first use).
   */
  void pin(Vm vm, Path vmDir, Optional<GuestHostKey> hostKey, RootDisk.Built built) {
    Optional<GuestHostKey> placed = hostKey.filter(k -> !built.hostKeyPaths().isEmpty());
    keys.pinHostKey(vmDir, vm.name(), placed);
    if (placed.isPresent()) {
      LOG.info("pinned the host key of VM {} placed at {}", vm.name(), built.hostKeyPaths());
    } else if (hostKey.isPresent()) {
      LOG.warn(
          "the image of VM {} has neither /etc/ssh nor /etc/dropbear: its SSH host key will be"
              + " trusted on first use",
          vm.name());
    }
  }

  private String ownKey(Vm vm, Path vmDir) {
    Path pub = vmDir.resolve(SshTarget.PRIVATE_KEY_FILE + ".pub");
    if (!Files.exists(vmDir.resolve(SshTarget.PRIVATE_KEY_FILE))) {
      return keys.generate(vmDir, vm.name()).authorizedKey().strip();
    }
    try {
      return Files.readString(pub).strip();
    } catch (IOException e) {
      throw new LifecycleException("cannot read the VM's public key " + pub + ": " + e, e);
    }
  }

  /** Manifests are untrusted: the path must be a small regular file holding one public key. */
  static String readPublicKey(String path) {
    Path file = Path.of(path);
    String where = "spec.ssh: " + path + ": ";
    try {
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file)) {
        throw new LifecycleException(where + "not a regular file; give an SSH public key file");
      }
      byte[] bytes;
      // Bounded read, not size-then-read: the file may grow between the two.
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) MAX_KEY_BYTES + 1);
      }
      if (bytes.length > MAX_KEY_BYTES) {
        throw new LifecycleException(where + "larger than 16 KiB, not an SSH public key");
      }
      String line = new String(bytes, StandardCharsets.UTF_8).strip();
      if (line.contains("\n") || !KEY_LINE.matcher(line).matches()) {
        throw new LifecycleException(
            where + "not an SSH public key line (want e.g. ssh-ed25519 AAAA... comment)");
      }
      return line;
    } catch (IOException e) {
      throw new LifecycleException(where + "cannot read: " + e.getMessage(), e);
    }
  }
}
