package dev.ignite.adapters.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.testing.LoopbackSshd;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Map;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host keys checked as OpenSSH's StrictHostKeyChecking yes does, keys made by ssh-keygen. */
class StrictKnownHostsTest {
  private static final InetSocketAddress REMOTE = new InetSocketAddress("127.0.0.1", 2222);
  @TempDir Path tmp;
  private Path hostKey;
  private Path otherKey;
  private Path knownHosts;

  @BeforeEach
  void keys() throws Exception {
    hostKey = LoopbackSshd.newKey(tmp.resolve("host"));
    otherKey = LoopbackSshd.newKey(tmp.resolve("other"));
    knownHosts = tmp.resolve("known_hosts");
  }

  @Test
  void acceptsTheKeyKnownForThatHostAndPort() throws Exception {
    write("[127.0.0.1]:2222 " + pubLine(hostKey));
    StrictKnownHosts db = new StrictKnownHosts(knownHosts);

    assertThat(db.accept("[127.0.0.1]:2222", REMOTE, key(hostKey), null, null)).isTrue();
    assertThat(db.lookup("[127.0.0.1]:2222", REMOTE, null)).hasSize(1);
    assertThat(db.takeRefusal()).isEmpty();
  }

  @Test
  void acceptsAHashedEntryAsSshKeygenWritesIt() throws Exception {
    write("[127.0.0.1]:2222 " + pubLine(hostKey));
    Process hash =
        new ProcessBuilder("ssh-keygen", "-H", "-f", knownHosts.toString())
            .redirectErrorStream(true)
            .start();
    hash.getInputStream().readAllBytes();
    assertThat(hash.waitFor()).isZero();
    assertThat(Files.readString(knownHosts)).startsWith("|1|");

    assertThat(
            new StrictKnownHosts(knownHosts)
                .accept("[127.0.0.1]:2222", REMOTE, key(hostKey), null, null))
        .isTrue();
  }

  @Test
  void refusesAChangedKeyNamingBothFingerprintsAndTheFile() throws Exception {
    write("[127.0.0.1]:2222 " + pubLine(hostKey));
    String before = Files.readString(knownHosts);
    StrictKnownHosts db = new StrictKnownHosts(knownHosts);

    assertThat(db.accept("[127.0.0.1]:2222", REMOTE, key(otherKey), null, null)).isFalse();

    String offered = LoopbackSshd.fingerprint(LoopbackSshd.pub(otherKey));
    String known = LoopbackSshd.fingerprint(LoopbackSshd.pub(hostKey));
    assertThat(db.takeRefusal())
        .hasValueSatisfying(
            m ->
                assertThat(m)
                    .contains("has CHANGED")
                    .contains("offered ssh-ed25519 " + offered)
                    .contains("holds ssh-ed25519 " + known)
                    .contains(knownHosts.toString()));
    assertThat(knownHosts).hasContent(before.strip());
  }

  @Test
  void refusesAHostKnownOnlyOnAnotherPort() throws Exception {
    write("127.0.0.1 " + pubLine(hostKey));
    StrictKnownHosts db = new StrictKnownHosts(knownHosts);

    assertThat(db.accept("[127.0.0.1]:2222", REMOTE, key(hostKey), null, null)).isFalse();
    assertThat(db.takeRefusal()).hasValueSatisfying(m -> assertThat(m).contains("is unknown"));
  }

  @Test
  void refusesEverythingWhenTheFileIsMissingAndNeverCreatesIt() throws Exception {
    StrictKnownHosts db = new StrictKnownHosts(knownHosts);

    assertThat(db.accept("git.example", REMOTE, key(hostKey), null, null)).isFalse();
    assertThat(db.takeRefusal())
        .hasValueSatisfying(m -> assertThat(m).contains("does not exist").contains("git.example"));
    assertThat(knownHosts).doesNotExist();
  }

  @Test
  void refusesARevokedKey() throws Exception {
    write("@revoked * " + pubLine(hostKey) + "\n[127.0.0.1]:2222 " + pubLine(hostKey));

    StrictKnownHosts db = new StrictKnownHosts(knownHosts);
    assertThat(db.accept("[127.0.0.1]:2222", REMOTE, key(hostKey), null, null)).isFalse();
    assertThat(db.takeRefusal()).hasValueSatisfying(m -> assertThat(m).contains("@revoked"));
  }

  private void write(String lines) throws Exception {
    Files.writeString(knownHosts, lines + "\n");
  }

  private static String pubLine(Path key) throws Exception {
    return Files.readString(LoopbackSshd.pub(key)).strip();
  }

  private static PublicKey key(Path key) throws Exception {
    return PublicKeyEntry.parsePublicKeyEntry(pubLine(key))
        .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.FAILING);
  }
}
