package dev.ignite.ports;

import java.nio.file.Path;

/**
 * A guest's SSH host key, made on the host before the guest first boots so that the first
 * connection is already checked against it (no trust on first use).
 *
 * @param openSshPrivateKey the private key in OpenSSH's format, for {@code sshd}
 * @param dropbearPrivateKey the same key in dropbear's own format
 * @param publicKey {@code ssh-ed25519 AAAA…}, as pinned in the VM's {@code known_hosts}
 */
public record GuestHostKey(Path openSshPrivateKey, Path dropbearPrivateKey, String publicKey) {}
