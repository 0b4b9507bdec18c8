package dev.ignite.adapters.oci.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class DecompressionTest {
  private final byte[] data = new byte[300_000];

  DecompressionTest() {
    new Random(7).nextBytes(data);
  }

  @Test
  void gzipZstdAndPlainLayersReadToTheirBytes() throws IOException {
    assertThat(read(gzip(data))).isEqualTo(data);
    assertThat(read(zstd(data))).isEqualTo(data);
    assertThat(read(data)).isEqualTo(data);
  }

  @Test
  void aGzipLayerWithAWrongChecksumOrCutShortIsAnError() throws IOException {
    byte[] gz = gzip(data);
    byte[] badCrc = gz.clone();
    badCrc[gz.length - 8] ^= 1;
    assertThatThrownBy(() -> read(badCrc)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> read(Arrays.copyOf(gz, gz.length / 2)))
        .isInstanceOf(IOException.class);
  }

  private static byte[] read(byte[] layer) throws IOException {
    try (InputStream in = Decompression.open(new ByteArrayInputStream(layer))) {
      return in.readAllBytes();
    }
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  private static byte[] zstd(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZstdOutputStream z = new ZstdOutputStream(out)) {
      z.write(bytes);
    }
    return out.toByteArray();
  }
}
