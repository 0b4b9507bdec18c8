package dev.ignite.api;

import java.util.regex.Pattern;

/** A host port forwarded to a VM port. {@code bindAddress} defaults to 0.0.0.0. */
public record PortMapping(int hostPort, int vmPort, String bindAddress, Protocol protocol) {
  public static final int MIN_PORT = 1;
  public static final int MAX_PORT = 65535;
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  public enum Protocol {
    TCP,
    UDP;

    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public PortMapping {
    bindAddress = bindAddress == null ? "0.0.0.0" : bindAddress;
    protocol = protocol == null ? Protocol.TCP : protocol;
  }

  public static boolean isPort(int port) {
    return port >= MIN_PORT && port <= MAX_PORT;
  }

  /** An IPv4 or IPv6 literal: the address goes into QEMU's comma-separated hostfwd option. */
  public static boolean isBindAddress(String address) {
    return IPV4.matcher(address).matches() || IPV6.matcher(address).matches();
  }

  /** Docker-style text: {@code 0.0.0.0:8080->80/tcp}. */
  @Override
  public String toString() {
    return bindAddress + ":" + hostPort + "->" + vmPort + "/" + protocol.wireName();
  }
}
