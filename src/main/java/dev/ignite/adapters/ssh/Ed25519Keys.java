package dev.ignite.adapters.ssh;

import dev.ignite.api.Names;
import dev.ignite.ports.GuestHostKey;
import dev.ignite.ports.SshKeys;
import dev.ignite.ports.SshTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/** Writes ed25519 pairs in OpenSSH format; the private key is never readable by others. */
final class Ed25519Keys implements SshKeys {

  @Override
  public SshKeyPair generate(Path dir, String vmName) {
    // the name ends up in authorized_keys, where a stray newline would add a line
    Names.problem(vmName)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException(
                  "cannot make an SSH key for VM name \"" + vmName + "\": " + p);
            });
    Path privateKey = dir.resolve(SshTarget.PRIVATE_KEY_FILE);
    Path publicKey = dir.resolve(SshTarget.PRIVATE_KEY_FILE + ".pub");
    for (Path existing : new Path[] {privateKey, publicKey}) {
      if (Files.exists(existing)) {
        throw new IllegalStateException(
            existing + " already exists; delete it to make a new key for " + vmName);
      }
    }
    OpenSshEd25519 pair = OpenSshEd25519.generate();
    String comment = "ignite-" + vmName;
    String line = pair.publicKeyLine(comment);
    try {
      writeAtomically(publicKey, (line + "\n").getBytes(), "rw-r--r--");
      writeAtomically(privateKey, pair.privateKeyFile(comment), "rw-------");
    } catch (IOException e) {
      deleteQuietly(publicKey);
      throw new UncheckedIOException(
          "cannot write the SSH key for " + vmName + " into " + dir + ": " + e.getMessage(), e);
    }
    return new SshKeyPair(privateKey, publicKey, line);
  }

  @Override
  public GuestHostKey hostKey(Path dir) {
    return GuestHostKeys.inFolder(dir);
  }

  @Override
  public void pinHostKey(Path vmDir, String vmName, Optional<GuestHostKey> key) {
    GuestHostKeys.pin(vmDir, vmName, key);
  }

  /**
   * The temp file gets its final permissions when it is created, so the secret is never on disk
   * with wider ones; the rename makes it appear whole or not at all.
   */
  static void writeAtomically(Path target, byte[] content, String perms) throws IOException {
    Path tmp =
        Files.createTempFile(
            target.getParent(),
            "." + target.getFileName(),
            ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms)));
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(ch)) {
        out.write(content);
        ch.force(true);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException e) {
      throw new IOException(target + " appeared while the key was written", e);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // the error being reported already says the key was not made
    }
  }
}
