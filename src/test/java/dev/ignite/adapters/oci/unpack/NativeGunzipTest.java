package dev.ignite.adapters.oci.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.adapters.oci.Commands;
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
    assertThat(NativeGunzip.libraryPath()).isRegularFile();
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

  /**
   * Mutated gzip (flipped bits, cut short, bytes inserted or overwritten, headers with extra fields
   * and names, two members) never crashes the JVM or hangs, and is never read differently from the
   * JDK: what both accept reads the same, and ours accepts nothing the JDK refuses. The native
   * inflater runs in the root daemon on layers from anywhere.
   *
   * <p>One difference is allowed, in one direction: after a complete member, the JDK ignores up to
   * 26 bytes left in its buffer even when they are a whole header and cut-short data, where ours,
   * like gzip(1) and Go, refuses a member that starts and does not end. Even then both read the
   * same bytes up to that point.
   */
  @Test
  void mutatedStreamsAreRefusedOrReadAsTheJdkReadsThem() throws Exception {
    Random random = new Random(20261126);
    byte[][] seeds = {
      gzip(new byte[0]),
      gzip("a short line\n".getBytes()),
      gzip(compressible(random, 40_000)),
      gzipWithHeaderFields(compressible(random, 5_000)),
      concat(gzip("first member ".getBytes()), gzip(compressible(random, 3_000))),
    };
    int accepted = 0;
    for (int n = 0; n < 5_000; n++) {
      byte[] input = mutate(seeds[n % seeds.length], random);
      byte[] theirs = readOrNull(input);
      ByteArrayOutputStream mine = new ByteArrayOutputStream();
      boolean mineOk = readOurs(input, mine);
      if (mineOk) {
        assertThat(theirs).as("case %d: accepted by ours only", n).isNotNull();
        accepted++;
      }
      if (theirs != null) {
        assertThat(mine.toByteArray()).as("case %d", n).isEqualTo(theirs);
      }
    }
    assertThat(accepted).as("some mutations stay valid, e.g. in the header's name").isPositive();
  }

  /** True when the whole stream reads; {@code out} gets what was read either way. */
  private static boolean readOurs(byte[] input, ByteArrayOutputStream out) {
    try (NativeGunzip in = new NativeGunzip(new ByteArrayInputStream(input))) {
      byte[] buf = new byte[4096];
      for (int r; (r = in.read(buf)) > 0; ) {
        out.write(buf, 0, r);
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static byte[] readOrNull(byte[] input) {
    try {
      return jdk(input);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  @Test
  void aFewTrailingBytesAfterTheLastMemberAreIgnoredAsTheJdkIgnoresThem() throws Exception {
    byte[] member = gzip("content".getBytes());
    for (int extra = 1; extra < 12; extra++) {
      byte[] padded = Arrays.copyOf(member, member.length + extra);
      assertThat(new String(ours(padded))).as("%d trailing zeros", extra).isEqualTo("content");
      assertThat(ours(padded)).isEqualTo(jdk(padded));
    }
  }

  private static byte[] compressible(Random random, int size) {
    byte[] data = new byte[size];
    for (int i = 0; i < size; i++) {
      data[i] = (byte) ('a' + random.nextInt(4) + (i / 97) % 3);
    }
    return data;
  }

  /** FLG with FEXTRA, FNAME and FCOMMENT, as RFC 1952 allows. */
  private static byte[] gzipWithHeaderFields(byte[] data) throws IOException {
    byte[] plain = gzip(data);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {0x1f, (byte) 0x8b, 8, 4 | 8 | 16, 0, 0, 0, 0, 0, 3});
    out.write(new byte[] {4, 0, 'a', 'b', 'c', 'd'}); // XLEN 4, then the extra field
    out.write("layer.tar\0".getBytes());
    out.write("a comment\0".getBytes());
    out.write(plain, 10, plain.length - 10); // the deflate data and trailer of the plain one
    return out.toByteArray();
  }

  private static byte[] mutate(byte[] seed, Random random) {
    byte[] b = seed.clone();
    switch (random.nextInt(5)) {
      case 0 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
      case 1 -> b = Arrays.copyOf(b, random.nextInt(b.length));
      case 2 -> {
        int at = random.nextInt(b.length);
        byte[] longer = new byte[b.length + 1 + random.nextInt(16)];
        System.arraycopy(b, 0, longer, 0, at);
        for (int i = at; i < at + longer.length - b.length; i++) {
          longer[i] = (byte) random.nextInt(256);
        }
        System.arraycopy(b, at, longer, at + longer.length - b.length, b.length - at);
        b = longer;
      }
      case 3 -> {
        for (int i = random.nextInt(8); i >= 0; i--) {
          b[random.nextInt(b.length)] = (byte) random.nextInt(256);
        }
      }
      default -> b[random.nextInt(Math.min(b.length, 24))] = (byte) random.nextInt(256);
    }
    return b;
  }
}
