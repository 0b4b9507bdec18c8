package dev.ignite.adapters.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SshBannerTest {
  private static boolean reads(String stream) throws Exception {
    return SshBanner.readsIdentification(
        new ByteArrayInputStream(stream.getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void recognisesAServerIdentification() throws Exception {
    assertThat(reads("SSH-2.0-dropbear_2022.83\r\n")).isTrue();
  }

  @Test
  void acceptsOtherLinesBeforeTheIdentification() throws Exception {
    assertThat(reads("welcome\r\nSSH-2.0-OpenSSH_9.2\r\n")).isTrue();
  }

  @Test
  void aClosedConnectionIsNotAnAnswer() throws Exception {
    assertThat(reads("")).isFalse();
  }

  @Test
  void somethingElseIsNotAnSshServer() throws Exception {
    assertThat(reads("HTTP/1.1 400 Bad Request\r\nX-SSH-Thing: 1\r\n\r\n")).isFalse();
  }
}
