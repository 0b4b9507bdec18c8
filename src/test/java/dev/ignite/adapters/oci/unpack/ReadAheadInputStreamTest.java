package dev.ignite.adapters.oci.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {
  @Test
  void passesEveryByteInOrderWhateverTheReadSizes() throws IOException {
    byte[] data = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(data);
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    Random sizes = new Random(11);
    try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data), "test")) {
      byte[] buf = new byte[200_000];
      for (int n; (n = in.read(buf, 0, 1 + sizes.nextInt(buf.length))) >= 0; ) {
        copy.write(buf, 0, n);
        int single = in.read();
        if (single < 0) {
          break;
        }
        copy.write(single);
      }
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThat(copy.toByteArray()).isEqualTo(data);
  }

  @Test
  void rethrowsTheSourcesFailureAfterTheBytesBeforeIt() throws IOException {
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk went away");
          }
        };
    InputStream source = new SequenceInputStream(new ByteArrayInputStream(new byte[10]), failing);
    try (InputStream in = new ReadAheadInputStream(source, "test")) {
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("disk went away");
    }
  }

  @Test
  void closingBeforeTheEndStopsTheReadingThreadAndClosesTheSource() throws IOException {
    boolean[] closed = {false};
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 1;
          }

          @Override
          public void close() {
            closed[0] = true;
          }
        };
    ReadAheadInputStream in = new ReadAheadInputStream(endless, "endless");
    assertThat(in.read()).isEqualTo(1);
    in.close();
    assertThat(closed[0]).isTrue();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("read-ahead endless"));
  }
}
