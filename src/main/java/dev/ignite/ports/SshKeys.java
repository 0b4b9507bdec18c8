package dev.ignite.ports;

import java.nio.file.Path;

/** Makes the key pair with which Ignite logs in to a VM. */
public interface SshKeys {

  /**
   * Writes a new ed25519 pair into {@code dir}: the OpenSSH private key {@value
   * SshTarget#PRIVATE_KEY_FILE} (created 0600) and its {@code .pub}. Refuses to replace an existing
   * key, since a VM built with it would become unreachable.
   */
  SshKeyPair generate(Path dir, String vmName);

  /**
   * The files written and the {@code authorized_keys} line ({@code ssh-ed25519 AAAA… ignite-vm}).
   */
  record SshKeyPair(Path privateKey, Path publicKey, String authorizedKey) {}
}
