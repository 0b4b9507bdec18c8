package dev.ignite.adapters.ssh;

import dev.ignite.ports.GuestHostKey;
import dev.ignite.ports.SshKeys;
import dev.ignite.ports.SshTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A guest's host key, kept in its VM folder beside the client key: made once, in the formats of
 * both SSH servers our guests run (OpenSSH's sshd and dropbear), and pinned in the folder's
 * known_hosts before the guest first boots.
 */
final class GuestHostKeys {
  private GuestHostKeys() {}

  static GuestHostKey inFolder(Path dir) {
    Path openSsh = dir.resolve(SshKeys.HOST_KEY_FILE);
    Path dropbear = dir.resolve(SshKeys.HOST_KEY_FILE + ".dropbear");
    Path pub = dir.resolve(SshKeys.HOST_KEY_FILE + ".pub");
    try {
      // the .pub is written last: with it, the pair is whole
      if (!Files.isRegularFile(pub)) {
        OpenSshEd25519 pair = OpenSshEd25519.generate();
        String comment = "ignite-guest-host-key";
        Ed25519Keys.writeAtomically(openSsh, pair.privateKeyFile(comment), "rw-------");
        Ed25519Keys.writeAtomically(dropbear, pair.dropbearPrivateKey(), "rw-------");
        Ed25519Keys.writeAtomically(
            pub,
            (pair.publicKeyLine(comment) + "\n").getBytes(StandardCharsets.US_ASCII),
            "rw-r--r--");
      }
      String[] line = Files.readString(pub, StandardCharsets.US_ASCII).strip().split(" ");
      return new GuestHostKey(openSsh, dropbear, line[0] + " " + line[1]);
    } catch (IOException | ArrayIndexOutOfBoundsException e) {
      throw new UncheckedIOException(
          "cannot make or read the guest's host key in " + dir + ": " + e.getMessage(),
          e instanceof IOException io ? io : new IOException(e));
    }
  }

  /** known_hosts holds exactly the pin of {@code key}, or is removed when there is none. */
  static void pin(Path vmDir, String vmName, Optional<GuestHostKey> key) {
    Path knownHosts = vmDir.resolve(SshTarget.KNOWN_HOSTS_FILE);
    try {
      if (key.isEmpty()) {
        Files.deleteIfExists(knownHosts);
        return;
      }
      String alias = SshTarget.forVm(vmDir, vmName, 22).hostKeyAlias();
      Ed25519Keys.writeAtomically(
          knownHosts,
          (alias + " " + key.get().publicKey() + "\n").getBytes(StandardCharsets.US_ASCII),
          "rw-------");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot pin the host key of " + vmName + " in " + knownHosts, e);
    }
  }
}
