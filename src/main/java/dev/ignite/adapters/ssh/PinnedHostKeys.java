package dev.ignite.adapters.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trust on first use, then strict: a VM's host key cannot be known before it first boots, but the
 * known_hosts file lives in the VM's own folder, so every key in it belongs to this VM whatever
 * host name or port the line carries (the system ssh may have written it).
 */
final class PinnedHostKeys implements ServerKeyVerifier {
  private static final Logger LOG = LoggerFactory.getLogger(PinnedHostKeys.class);

  private final Path knownHosts;
  private final String alias;
  private volatile String rejection;

  PinnedHostKeys(Path knownHosts, String alias) {
    this.knownHosts = knownHosts;
    this.alias = alias;
  }

  @Override
  public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
    String offered = PublicKeyEntry.toString(key);
    List<String> pinned = pinnedKeys();
    if (pinned.isEmpty()) {
      pin(offered);
      LOG.info("pinned host key {} of {} in {}", fingerprint(key), alias, knownHosts);
      return true;
    }
    if (pinned.contains(offered)) {
      return true;
    }
    rejection =
        "the host key of "
            + alias
            + " at "
            + remote
            + " has changed: it offered "
            + KeyUtils.getKeyType(key)
            + " "
            + fingerprint(key)
            + ", which is not pinned in "
            + knownHosts
            + ". If the VM's disk was rebuilt, delete that file and retry; otherwise something"
            + " else is answering on that port.";
    return false;
  }

  /** Why the last key was refused, if it was. */
  Optional<String> rejection() {
    return Optional.ofNullable(rejection);
  }

  /** Key types already pinned, so the client can ask for those first. */
  List<String> pinnedKeyTypes() {
    List<String> types = new ArrayList<>();
    for (String k : pinnedKeys()) {
      types.add(k.substring(0, k.indexOf(' ')));
    }
    return types;
  }

  /**
   * Lines are "hosts keytype base64 [comment]"; markers (@revoked, @cert-authority) are skipped.
   */
  private List<String> pinnedKeys() {
    List<String> keys = new ArrayList<>();
    for (String line : readLines()) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 3 && !f[0].startsWith("#") && !f[0].startsWith("@")) {
        keys.add(f[1] + " " + f[2]);
      }
    }
    return keys;
  }

  private List<String> readLines() {
    try {
      return Files.readAllLines(knownHosts, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read pinned host keys from " + knownHosts, e);
    }
  }

  private void pin(String offered) {
    // one short append: a reader sees either no line or the whole line
    String line = alias + " " + offered + "\n";
    try {
      Files.writeString(
          knownHosts,
          line,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot pin the host key of " + alias + " in " + knownHosts, e);
    }
  }

  private static String fingerprint(PublicKey key) {
    return KeyUtils.getFingerPrint(key);
  }
}
