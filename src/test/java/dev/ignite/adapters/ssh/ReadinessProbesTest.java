package dev.ignite.adapters.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.ports.SshTarget;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReadinessProbesTest {

  /**
   * A guest that is still coming up leaves probes silent (QEMU's forward accepts, the guest does
   * not answer yet); once one probe reads the banner, the silent ones must be closed, not left
   * blocked in a read that makes the JVM's exit wait.
   */
  @Test
  void probesStillWaitingAreClosedOnceTheBannerArrives() throws Exception {
    List<Socket> silent = new CopyOnWriteArrayList<>();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread guest =
          new Thread(
              () -> {
                try {
                  while (true) {
                    Socket s = server.accept();
                    if (silent.size() < 3) {
                      silent.add(s); // booting: accepted by the forward, nothing sent
                    } else {
                      OutputStream out = s.getOutputStream();
                      out.write("SSH-2.0-dropbear\r\n".getBytes(StandardCharsets.US_ASCII));
                      out.flush();
                    }
                  }
                } catch (java.io.IOException e) {
                  // the server socket closed at the end of the test
                }
              });
      guest.setDaemon(true);
      guest.start();
      SshTarget target =
          new SshTarget(
              "127.0.0.1", server.getLocalPort(), "root", Path.of("k"), Path.of("kh"), "a");

      boolean answered =
          ReadinessProbes.awaitBanner(
              target,
              System.nanoTime() + TimeUnit.SECONDS.toNanos(60),
              () -> true,
              Duration.ofMinutes(5)); // without the close, a silent probe would wait this long

      assertThat(answered).isTrue();
      assertThat(silent).hasSize(3);
      for (Socket s : silent) {
        s.setSoTimeout(20_000);
        assertThat(s.getInputStream().read()).as("the probe closed its end").isEqualTo(-1);
        s.close();
      }
    }
  }
}
