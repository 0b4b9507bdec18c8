package dev.ignite.api.codec;

import dev.ignite.api.PortMapping;
import dev.ignite.api.PortMapping.Protocol;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code spec.network.ports[]}. */
final class PortsDecoder {
  private static final String RANGE = "a port is 1-65535";

  private PortsDecoder() {}

  static List<PortMapping> decode(Fields spec) {
    Fields network = spec.object("network");
    if (network == null) {
      return null;
    }
    List<Fields> items = network.objects("ports");
    network.finish();
    if (items == null) {
      return null;
    }
    List<PortMapping> ports = new ArrayList<>(items.size());
    for (Fields port : items) {
      PortMapping p = port(port);
      if (p != null) {
        ports.add(p);
      }
    }
    return ports;
  }

  private static PortMapping port(Fields port) {
    Integer host = port.integerIn("hostPort", PortMapping.MIN_PORT, PortMapping.MAX_PORT, RANGE);
    Integer vm = port.integerIn("vmPort", PortMapping.MIN_PORT, PortMapping.MAX_PORT, RANGE);
    String bind = bindAddress(port);
    Protocol protocol = protocol(port);
    if (host == null && port.peek("hostPort") == null) {
      port.missing("hostPort", "the port on the host, 1-65535");
    }
    if (vm == null && port.peek("vmPort") == null) {
      port.missing("vmPort", "the port in the VM, 1-65535");
    }
    port.finish();
    return host == null || vm == null ? null : new PortMapping(host, vm, bind, protocol);
  }

  private static String bindAddress(Fields port) {
    Node v = port.take("bindAddress");
    String address = v == null ? null : port.peek("bindAddress");
    if (v != null && (address == null || !PortMapping.isBindAddress(address))) {
      port.error(v, "bindAddress", "want an IP address like 127.0.0.1, got " + Scalars.describe(v));
      return null;
    }
    return address;
  }

  private static Protocol protocol(Fields port) {
    Node v = port.take("protocol");
    if (v == null) {
      return null;
    }
    String text = port.peek("protocol");
    if ("tcp".equals(text)) {
      return Protocol.TCP;
    }
    if ("udp".equals(text)) {
      return Protocol.UDP;
    }
    port.error(v, "protocol", "want tcp or udp, got " + Scalars.describe(v));
    return null;
  }
}
