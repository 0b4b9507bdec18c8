package dev.ignite.adapters.ssh;

import dev.ignite.ports.GuestShellException;
import dev.ignite.ports.HostKeyChangedException;
import dev.ignite.ports.SshTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.signature.Signature;

/**
 * One authenticated SSH session to a guest, with a client of its own: a CLI call makes one or two
 * of these, and stopping the client with the session leaves no threads behind to keep a JVM alive.
 */
final class GuestConnection implements AutoCloseable {
  private final SshClient client;
  private final ClientSession session;

  private GuestConnection(SshClient client, ClientSession session) {
    this.client = client;
    this.session = session;
  }

  ClientSession session() {
    return session;
  }

  static GuestConnection open(SshTarget target, Duration timeout) {
    checkIdentity(target);
    PinnedHostKeys pins = new PinnedHostKeys(target.knownHosts(), target.hostKeyAlias());
    SshClient client = newClient(pins);
    client.start();
    try {
      ClientSession session =
          client.connect(target.user(), target.host(), target.port()).verify(timeout).getSession();
      try {
        session.setKeyIdentityProvider(new FileKeyPairProvider(target.identity()));
        session.auth().verify(timeout);
      } catch (IOException | RuntimeException e) {
        session.close(true);
        throw e;
      }
      return new GuestConnection(client, session);
    } catch (IOException | RuntimeException e) {
      client.stop();
      if (pins.rejection().isPresent()) {
        throw new HostKeyChangedException(
            "cannot log in to " + target + ": " + pins.rejection().get(), e);
      }
      throw new GuestShellException("cannot log in to " + target + ": " + e.getMessage(), e);
    }
  }

  /** Fails at once when the key to log in with is missing: no amount of waiting brings it back. */
  static void checkIdentity(SshTarget target) {
    if (!Files.isReadable(target.identity())) {
      throw new GuestShellException(
          "no SSH key at "
              + target.identity()
              + ": the VM was made without `ssh: true`, or its key was deleted");
    }
  }

  /**
   * Only our key is offered (no ~/.ssh/config, agent or passwords), and host key types already
   * pinned are asked for first, as OpenSSH does, so both clients keep agreeing on one key.
   */
  private static SshClient newClient(PinnedHostKeys pins) {
    SshClient client = SshClient.setUpDefaultClient();
    client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
    client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
    client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
    client.setServerKeyVerifier(pins);
    List<String> preferred = new ArrayList<>(pins.pinnedKeyTypes());
    preferred.add("ssh-ed25519");
    List<NamedFactory<Signature>> sigs = new ArrayList<>(client.getSignatureFactories());
    sigs.sort(Comparator.comparingInt(f -> rank(preferred, f.getName())));
    client.setSignatureFactories(sigs);
    return client;
  }

  private static int rank(List<String> preferred, String algorithm) {
    for (int i = 0; i < preferred.size(); i++) {
      String type = preferred.get(i);
      if (algorithm.equals(type) || (type.equals("ssh-rsa") && algorithm.startsWith("rsa-sha2"))) {
        return i;
      }
    }
    return preferred.size();
  }

  @Override
  public void close() {
    try {
      session.close(false).await(Duration.ofSeconds(2));
    } catch (IOException ignored) {
      // closing: the client is stopped below either way
    } finally {
      client.stop();
    }
  }
}
