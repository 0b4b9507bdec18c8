package dev.ignite.adapters.git;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.sshd.ServerKeyDatabase;

/**
 * OpenSSH's {@code StrictHostKeyChecking yes} over one known_hosts file: a host key is accepted
 * only when the file holds it for that host (and port); an unknown host or a changed key is refused
 * and the reason, with the offered key's fingerprint, is kept for the error message. The file is
 * only read, never written.
 */
final class StrictKnownHosts implements ServerKeyDatabase {
  private final Path file;
  private final AtomicReference<String> refusal = new AtomicReference<>();
  private volatile String readProblem = "";

  StrictKnownHosts(Path file) {
    this.file = file;
  }

  @Override
  public List<PublicKey> lookup(
      String connectAddress, InetSocketAddress remoteAddress, Configuration config) {
    HostPort host = HostPort.parse(connectAddress);
    return keysFor(host, readEntries());
  }

  @Override
  public boolean accept(
      String connectAddress,
      InetSocketAddress remoteAddress,
      PublicKey serverKey,
      Configuration config,
      CredentialsProvider provider) {
    HostPort host = HostPort.parse(connectAddress);
    List<KnownHostEntry> entries = readEntries();
    if (revoked(serverKey, entries)) {
      refuse(host, serverKey, "is marked @revoked in " + file);
      return false;
    }
    List<PublicKey> known = keysFor(host, entries);
    for (PublicKey k : known) {
      if (KeyUtils.compareKeys(k, serverKey)) {
        return true;
      }
    }
    if (known.isEmpty()) {
      refuse(
          host,
          serverKey,
          "is unknown: "
              + file
              + (Files.exists(file) ? " has no key for " : " does not exist, so it has no key for ")
              + host
              + readProblem
              + ". Compare the fingerprint with the one the server's owner gives, then add the"
              + " host's key to that file");
    } else {
      refuse(
          host,
          serverKey,
          "has CHANGED: "
              + file
              + " holds "
              + fingerprints(known)
              + " for "
              + host
              + ". Someone may be intercepting the connection; if the server's key was replaced on"
              + " purpose, update that file");
    }
    return false;
  }

  /** Why the last host key was refused, once: the next connection starts clean. */
  Optional<String> takeRefusal() {
    return Optional.ofNullable(refusal.getAndSet(null));
  }

  private void refuse(HostPort host, PublicKey key, String why) {
    refusal.set(
        "refused the SSH host key of "
            + host
            + ": the server offered "
            + KeyUtils.getKeyType(key)
            + " "
            + KeyUtils.getFingerPrint(key)
            + ", which "
            + why);
  }

  /** An unreadable or unparsable file trusts nothing; the refusal says why. */
  private List<KnownHostEntry> readEntries() {
    readProblem = "";
    try {
      return KnownHostEntry.readKnownHostEntries(file);
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException | RuntimeException e) {
      readProblem = " (the file could not be read: " + e.getMessage() + ")";
      return List.of();
    }
  }

  private static List<PublicKey> keysFor(HostPort host, List<KnownHostEntry> entries) {
    List<PublicKey> keys = new ArrayList<>();
    for (KnownHostEntry e : entries) {
      if (e.getMarker() == null && e.isHostMatch(host.host(), host.port())) {
        key(e).ifPresent(keys::add);
      }
    }
    return keys;
  }

  /**
   * A revoked key is refused for every host: OpenSSH matches {@code @revoked *} also against {@code
   * [host]:port}, which MINA's matcher does not.
   */
  private static boolean revoked(PublicKey key, List<KnownHostEntry> entries) {
    for (KnownHostEntry e : entries) {
      if ("revoked".equals(e.getMarker())
          && key(e).filter(k -> KeyUtils.compareKeys(k, key)).isPresent()) {
        return true;
      }
    }
    return false;
  }

  private static Optional<PublicKey> key(KnownHostEntry e) {
    try {
      return Optional.ofNullable(
          e.getKeyEntry().resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.IGNORING));
    } catch (IOException | GeneralSecurityException | RuntimeException unsupported) {
      return Optional.empty();
    }
  }

  private static String fingerprints(List<PublicKey> keys) {
    List<String> prints = new ArrayList<>();
    for (PublicKey k : keys) {
      prints.add(KeyUtils.getKeyType(k) + " " + KeyUtils.getFingerPrint(k));
    }
    return String.join(", ", prints);
  }

  /** JGit names the host as known_hosts does: {@code host} on port 22, else {@code [host]:port}. */
  record HostPort(String host, int port) {
    static HostPort parse(String connectAddress) {
      if (connectAddress.startsWith("[")) {
        int close = connectAddress.indexOf("]:");
        if (close > 0) {
          String port = connectAddress.substring(close + 2);
          return new HostPort(connectAddress.substring(1, close), Integer.parseInt(port));
        }
      }
      return new HostPort(connectAddress, 22);
    }

    @Override
    public String toString() {
      return port == 22 ? host : "[" + host + "]:" + port;
    }
  }
}
