package dev.ignite.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free 127.0.0.1 ports for tests, picked from 20000-32767, below the kernel's ephemeral range: a
 * port from {@code bind(0)} could be taken as the source port of any outgoing connection before the
 * test's server binds it (seen twice in CI: "host port … already in use").
 */
public final class LoopbackPorts {
  private LoopbackPorts() {}

  public static int free() throws IOException {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 32_768);
      try (ServerSocket s = new ServerSocket()) {
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return port;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("no free loopback port in 20000-32767 after 200 tries");
  }
}
