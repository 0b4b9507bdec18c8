package dev.ignite.adapters.oci.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NativeSha256Test {
  /** The build makes the library (scripts/setup installs gcc): losing it must not go unnoticed. */
  @Test
  void theBuiltLibraryLoadsAndDigestsUseIt() {
    assertThat(NativeSha256.libraryPath()).isRegularFile();
    assertThat(NativeSha256.available()).isTrue();
    assertThat(Digests.sha256()).isInstanceOf(NativeSha256.class);
  }

  @Test
  void hashesAsTheJdkDoesForEveryLengthAndChunking() throws Exception {
    Random random = new Random(42);
    for (int length : new int[] {0, 1, 55, 56, 63, 64, 65, 127, 128, 1000, 65_536, 1 << 20}) {
      byte[] data = new byte[length];
      random.nextBytes(data);
      MessageDigest jdk = MessageDigest.getInstance("SHA-256");
      MessageDigest ours = new NativeSha256();
      int chunk = 1 + random.nextInt(5000);
      for (int off = 0; off < length; off += chunk) {
        int n = Math.min(chunk, length - off);
        jdk.update(data, off, n);
        ours.update(data, off, n);
      }
      assertThat(ours.digest()).as("length %d", length).isEqualTo(jdk.digest());
    }
  }

  @Test
  void digestResetsForTheNextMessageAndSingleBytesCount() throws Exception {
    MessageDigest ours = new NativeSha256();
    ours.update("abc".getBytes());
    byte[] first = ours.digest();
    ours.update((byte) 'a');
    ours.update((byte) 'b');
    ours.update((byte) 'c');
    assertThat(ours.digest()).isEqualTo(first);
    assertThat(java.util.HexFormat.of().formatHex(first))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  /** The native side trusts its range: a wrong one must stop in Java, whoever calls. */
  @Test
  void refusesARangeOutsideTheArray() {
    NativeSha256 ours = new NativeSha256();
    assertThatThrownBy(() -> ours.engineUpdate(new byte[10], 5, 6))
        .isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> ours.engineUpdate(new byte[10], -1, 2))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }
}
