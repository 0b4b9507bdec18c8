package dev.ignite.adapters.qemu;

import dev.ignite.api.PortMapping;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

/** Checks that forwarded host ports are free before QEMU is asked to bind them. */
final class HostPorts {
  private HostPorts() {}

  /**
   * Binds each port for a moment. QEMU would also fail on a bound port, but only after starting;
   * checking first gives an error naming the port and leaves no process behind.
   */
  static void checkFree(List<PortMapping> ports) throws IOException {
    for (int i = 0; i < ports.size(); i++) {
      PortMapping p = ports.get(i);
      if (!isFree(p)) {
        throw new IOException(
            "host port "
                + p.hostPort()
                + "/"
                + p.protocol().wireName()
                + " on "
                + p.bindAddress()
                + " is already in use (spec.network.ports["
                + i
                + "]); stop what uses it or pick another hostPort");
      }
    }
  }

  static boolean isFree(PortMapping p) {
    InetSocketAddress address;
    try {
      address = new InetSocketAddress(InetAddress.getByName(p.bindAddress()), p.hostPort());
    } catch (IOException e) {
      return false;
    }
    if (p.protocol() == PortMapping.Protocol.UDP) {
      try (DatagramSocket socket = new DatagramSocket(address)) {
        return true;
      } catch (IOException e) {
        return false;
      }
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true); // like QEMU's own bind, so TIME_WAIT does not count as taken
      socket.bind(address);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
