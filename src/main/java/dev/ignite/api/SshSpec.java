package dev.ignite.api;

import java.util.Optional;

/**
 * {@code ssh: true} generates a key pair for the VM; {@code ssh: PATH} authorises an existing
 * public key. A null SshSpec in a VmSpec means no SSH setup.
 */
public record SshSpec(boolean generate, String publicKeyPath) {
  public static final SshSpec GENERATE = new SshSpec(true, null);
  public static final SshSpec DISABLED = new SshSpec(false, null);

  public static SshSpec publicKey(String path) {
    return new SshSpec(false, path);
  }

  public boolean enabled() {
    return generate || publicKeyPath != null;
  }

  public Optional<String> publicKey() {
    return Optional.ofNullable(publicKeyPath);
  }
}
