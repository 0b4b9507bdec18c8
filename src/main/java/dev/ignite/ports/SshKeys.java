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
   * The guest's ed25519 host key in {@code dir}, made on the first call and read back on later ones
   * (a rebuilt disk gets the same key): {@value #HOST_KEY_FILE} in OpenSSH's format and {@value
   * #HOST_KEY_FILE}{@code .dropbear} in dropbear's, both 0600.
   */
  GuestHostKey hostKey(Path dir);

  /**
   * Pins {@code key} as the only host key of VM {@code vmName} in {@code vmDir}'s {@value
   * SshTarget#KNOWN_HOSTS_FILE}, replacing what was pinned; with no key, removes the pins (the
   * guest's own key is then trusted on first use).
   */
  void pinHostKey(Path vmDir, String vmName, java.util.Optional<GuestHostKey> key);

  String HOST_KEY_FILE = "ssh_host_ed25519_key";

  /**
   * The files written and the {@code authorized_keys} line ({@code ssh-ed25519 AAAA… ignite-vm}).
   */
  record SshKeyPair(Path privateKey, Path publicKey, String authorizedKey) {}
}
