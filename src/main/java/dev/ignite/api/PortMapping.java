package dev.ignite.api;

/** A host port forwarded to a VM port. {@code bindAddress} defaults to 0.0.0.0. */
public record PortMapping(int hostPort, int vmPort, String bindAddress, Protocol protocol) {
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

  /** Docker-style text: {@code 0.0.0.0:8080->80/tcp}. */
  @Override
  public String toString() {
    return bindAddress + ":" + hostPort + "->" + vmPort + "/" + protocol.wireName();
  }
}
