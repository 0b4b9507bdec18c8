package dev.ignite.gitops.http;

import java.net.InetSocketAddress;

/** Reads a listen address: {@code HOST:PORT}, {@code [IPV6]:PORT}, or {@code :PORT} for all. */
public final class ListenAddress {
  private ListenAddress() {}

  /**
   * The socket address {@code text} names; {@code :9100} listens on every interface. A host name is
   * resolved now, so an unknown one fails here rather than when the server binds.
   */
  public static InetSocketAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      throw invalid(text, "it needs a port, as in 127.0.0.1:9100 or :9100");
    }
    String host = text.substring(0, colon);
    int port = port(text, text.substring(colon + 1));
    if (host.isEmpty()) {
      return new InetSocketAddress(port);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      throw invalid(text, "write an IPv6 address in brackets, as in [::1]:9100");
    }
    InetSocketAddress address = new InetSocketAddress(host, port);
    if (address.isUnresolved()) {
      throw invalid(text, "the host " + host + " is unknown");
    }
    return address;
  }

  private static int port(String text, String digits) {
    // ASCII digits only: parseInt would also read other scripts' digits
    if (digits.isEmpty()
        || digits.length() > 5
        || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw invalid(text, "the port must be a number from 0 to 65535");
    }
    int port = Integer.parseInt(digits);
    if (port > 65535) {
      throw invalid(text, "the port must be a number from 0 to 65535");
    }
    return port;
  }

  private static IllegalArgumentException invalid(String text, String why) {
    return new IllegalArgumentException("listen address \"" + text + "\": " + why);
  }
}
