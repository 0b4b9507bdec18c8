package dev.ignite.adapters.oci.registry;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hosts that bypass the proxy, from a {@code NO_PROXY} value as Go's httpproxy reads it: a
 * comma-separated list of {@code *} (every host), IP addresses and CIDR ranges ({@code
 * 10.0.0.0/8}), and domains, each optionally with {@code :PORT}. {@code example.com} matches itself
 * and its subdomains, {@code .example.com} and {@code *.example.com} only subdomains. {@code
 * localhost} and loopback addresses always bypass. Host names are compared as written, never looked
 * up.
 */
final class NoProxy {
  private record Rule(String domain, boolean matchesItself, byte[] ip, int prefixBits, int port) {
    boolean matches(String host, byte[] hostIp, int hostPort) {
      if (port != -1 && port != hostPort) {
        return false;
      }
      if (ip != null) {
        return hostIp != null && hostIp.length == ip.length && samePrefix(hostIp, ip, prefixBits);
      }
      return host.endsWith(domain) || (matchesItself && host.equals(domain.substring(1)));
    }
  }

  private final boolean everything;
  private final List<Rule> rules;

  private NoProxy(boolean everything, List<Rule> rules) {
    this.everything = everything;
    this.rules = List.copyOf(rules);
  }

  static NoProxy parse(String value) {
    List<Rule> rules = new ArrayList<>();
    for (String raw : value.split(",")) {
      String entry = raw.strip().toLowerCase(Locale.ROOT);
      if (entry.equals("*")) {
        return new NoProxy(true, List.of());
      }
      if (!entry.isEmpty()) {
        rule(entry).ifPresent(rules::add);
      }
    }
    return new NoProxy(false, rules);
  }

  private static java.util.Optional<Rule> rule(String entry) {
    int slash = entry.indexOf('/');
    if (slash > 0) {
      byte[] net = ipLiteral(entry.substring(0, slash));
      int bits = prefix(entry.substring(slash + 1), net);
      return net == null || bits < 0
          ? java.util.Optional.empty()
          : java.util.Optional.of(new Rule(null, false, net, bits, -1));
    }
    String host = entry;
    int port = -1;
    int colon = entry.lastIndexOf(':');
    if (entry.startsWith("[") && entry.contains("]")) {
      host = entry.substring(1, entry.indexOf(']'));
      port = colon > entry.indexOf(']') ? port(entry.substring(colon + 1)) : -1;
    } else if (colon > 0 && colon == entry.indexOf(':')) {
      host = entry.substring(0, colon);
      port = port(entry.substring(colon + 1));
    }
    if (host.isEmpty() || port == -2) {
      return java.util.Optional.empty(); // malformed, ignored as Go ignores it
    }
    byte[] ip = ipLiteral(host);
    if (ip != null) {
      return java.util.Optional.of(new Rule(null, false, ip, ip.length * 8, port));
    }
    if (host.startsWith("*.")) {
      host = host.substring(1);
    }
    boolean itself = !host.startsWith(".");
    return java.util.Optional.of(new Rule(itself ? "." + host : host, itself, null, 0, port));
  }

  /** Whether a request to {@code host} (lower case, no brackets) and {@code port} bypasses. */
  boolean bypasses(String host, int port) {
    if (everything || host.equals("localhost")) {
      return true;
    }
    byte[] ip = ipLiteral(host);
    if (ip != null && isLoopback(ip)) {
      return true;
    }
    for (Rule r : rules) {
      if (r.matches(host, ip, port)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLoopback(byte[] ip) {
    try {
      return InetAddress.getByAddress(ip).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** An IPv4 or IPv6 literal's bytes, else null; never a name lookup. */
  static byte[] ipLiteral(String s) {
    if (s.indexOf(':') >= 0) {
      if (!s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
        return null;
      }
      try {
        return InetAddress.getByName(s).getAddress(); // with a colon: parsed, never looked up
      } catch (UnknownHostException e) {
        return null;
      }
    }
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] ip = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int v = Integer.parseInt(p);
      if (v > 255) {
        return null;
      }
      ip[i] = (byte) v;
    }
    return ip;
  }

  private static int port(String s) {
    try {
      int p = Integer.parseInt(s);
      return p >= 0 && p <= 65535 ? p : -2;
    } catch (NumberFormatException e) {
      return -2;
    }
  }

  private static int prefix(String s, byte[] net) {
    int bits = port(s);
    return net != null && bits >= 0 && bits <= net.length * 8 ? bits : -1;
  }

  private static boolean samePrefix(byte[] a, byte[] b, int bits) {
    for (int i = 0; i < bits; i++) {
      int mask = 0x80 >> (i % 8);
      if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
