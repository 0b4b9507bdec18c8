package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeGunzipTest {
  @TempDir Path dir;

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static byte[] ours(byte[] gz) throws IOException {
    try (NativeGunzip in = new NativeGunzip(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  private static byte[] jdk(byte[] gz) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  /** The build makes the library where libisal-dev is (scripts/setup installs it). */
  @Test
  void theBuiltLibraryLoads() {
    assertThat(NativeLibraries.path("libignite-gunzip.so")).isRegularFile();
    assertThat(NativeGunzip.loaded()).isTrue();
  }

  @Test
  void inflatesAsTheJdkDoesForManySizesAndRealGzip() throws Exception {
    Random random = new Random(7);
    for (int size : new int[] {0, 1, 100, 65_535, 65_536, 1 << 20, 5 << 20}) {
      byte[] data = new byte[size];
      for (int i = 0; i < size; i++) {
        data[i] = (byte) (random.nextInt(16) + (i % 7)); // compressible, not trivial
      }
      byte[] gz = gzip(data);
      assertThat(ours(gz)).as("size %d", size).isEqualTo(data);
    }
    Path file = Files.write(dir.resolve("real"), new byte[300_000]);
    Commands.run("gzip", "-9", "-k", file.toString());
    byte[] real = Files.readAllBytes(dir.resolve("real.gz"));
    assertThat(ours(real)).isEqualTo(jdk(real));
  }

  @Test
  void concatenatedMembersReadOneAfterTheOtherAndTrailingZerosEnd() throws Exception {
    byte[] a = gzip("first ".getBytes());
    byte[] b = gzip("second".getBytes());
    byte[] both = new byte[a.length + b.length + 512];
    System.arraycopy(a, 0, both, 0, a.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    assertThat(new String(ours(both))).isEqualTo("first second");
    assertThat(ours(both)).isEqualTo(jdk(both));
  }

  @Test
  void aWrongChecksumIsAnError() throws Exception {
    byte[] gz = gzip("checked content".repeat(100).getBytes());
    gz[gz.length - 6] ^= 0x01; // inside the CRC32 of the trailer
    assertThatThrownBy(() -> ours(gz)).isInstanceOf(IOException.class).hasMessageContaining("gzip");
  }

  @Test
  void aCutStreamIsAnError() throws Exception {
    byte[] gz = gzip(new byte[100_000]);
    byte[] cut = Arrays.copyOf(gz, gz.length / 2);
    assertThatThrownBy(() -> ours(cut)).isInstanceOf(EOFException.class);
  }

  @Test
  void notGzipIsAnError() {
    assertThatThrownBy(() -> ours("plainly not gzip at all".getBytes()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not valid gzip");
  }
}
