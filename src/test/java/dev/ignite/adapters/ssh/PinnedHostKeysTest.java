package dev.ignite.adapters.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PinnedHostKeysTest {
  private static final InetSocketAddress GUEST = new InetSocketAddress("127.0.0.1", 2222);
  @TempDir Path dir;

  @Test
  void trustsTheFirstKeyAndWritesItUnderTheAlias() throws Exception {
    Path knownHosts = dir.resolve("known_hosts");
    PublicKey key = newKey();

    assertThat(new PinnedHostKeys(knownHosts, "ignite-vm").verifyServerKey(null, GUEST, key))
        .isTrue();
    assertThat(Files.readString(knownHosts))
        .isEqualTo("ignite-vm " + PublicKeyEntry.toString(key) + "\n");
  }

  @Test
  void acceptsThePinnedKeyWhateverHostTheLineNames() throws Exception {
    PublicKey key = newKey();
    Path knownHosts = dir.resolve("known_hosts");
    Files.writeString(
        knownHosts, "# written by ssh\n\n|1|hashed= " + PublicKeyEntry.toString(key) + "\n");

    assertThat(new PinnedHostKeys(knownHosts, "ignite-vm").verifyServerKey(null, GUEST, key))
        .isTrue();
  }

  @Test
  void refusesAnyOtherKeyOnceOneIsPinnedAndSaysWhere() throws Exception {
    Path knownHosts = dir.resolve("known_hosts");
    PinnedHostKeys pins = new PinnedHostKeys(knownHosts, "ignite-vm");
    pins.verifyServerKey(null, GUEST, newKey());
    String pinned = Files.readString(knownHosts);

    assertThat(pins.verifyServerKey(null, GUEST, newKey())).isFalse();
    assertThat(pins.rejection())
        .hasValueSatisfying(
            m -> assertThat(m).contains("ignite-vm", knownHosts.toString(), "SHA256:"));
    assertThat(Files.readString(knownHosts)).isEqualTo(pinned);
  }

  @Test
  void listsPinnedKeyTypesSoTheyAreNegotiatedFirst() throws Exception {
    Path knownHosts = dir.resolve("known_hosts");
    new PinnedHostKeys(knownHosts, "ignite-vm").verifyServerKey(null, GUEST, newKey());

    assertThat(new PinnedHostKeys(knownHosts, "ignite-vm").pinnedKeyTypes())
        .containsExactly("ssh-ed25519");
  }

  private static PublicKey newKey() throws Exception {
    // as MINA decodes a guest's ed25519 host key (net.i2p eddsa), not the JDK's Ed25519
    KeyPairGenerator g = SecurityUtils.getKeyPairGenerator(SecurityUtils.EDDSA);
    return g.generateKeyPair().getPublic();
  }
}
