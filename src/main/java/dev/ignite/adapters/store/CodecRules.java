package dev.ignite.adapters.store;

import dev.ignite.api.Condition;
import dev.ignite.api.PortMapping;
import dev.ignite.api.VmSpec;

/**
 * The strict codec's rules on single values, as {@link FastVmReader} applies them: each returns the
 * value when the codec would accept it, and throws otherwise, so the reader steps aside.
 */
final class CodecRules {
  private CodecRules() {}

  static int port(Integer port) {
    if (port == null || !PortMapping.isPort(port)) {
      throw new IllegalArgumentException("port " + port);
    }
    return port;
  }

  /** As the codec: a value that is written must not be empty. */
  static String nonEmpty(String s) {
    if (s != null && s.isEmpty()) {
      throw new IllegalArgumentException("empty");
    }
    return s;
  }

  /** As the codec: host and guest paths are absolute. */
  static String absolute(String path) {
    if (path == null || !path.startsWith("/")) {
      throw new IllegalArgumentException("not absolute: " + path);
    }
    return path;
  }

  static Integer cpus(Integer cpus) {
    if (cpus != null && (cpus < 1 || cpus > VmSpec.MAX_CPUS)) {
      throw new IllegalArgumentException("cpus " + cpus);
    }
    return cpus;
  }

  static String bindAddress(String address) {
    if (address != null && !PortMapping.isBindAddress(address)) {
      throw new IllegalArgumentException("bind address " + address);
    }
    return address;
  }

  /** Only the codec's own spelling: tcp or udp. */
  static PortMapping.Protocol protocol(String protocol) {
    if (protocol == null) {
      return null;
    }
    return switch (protocol) {
      case "tcp" -> PortMapping.Protocol.TCP;
      case "udp" -> PortMapping.Protocol.UDP;
      default -> throw new IllegalArgumentException("protocol " + protocol);
    };
  }

  static String conditionStatus(String status) {
    if (status != null && !Condition.STATUSES.contains(status)) {
      throw new IllegalArgumentException("condition status " + status);
    }
    return status;
  }

  static <T> T required(T value) {
    if (value == null) {
      throw new IllegalArgumentException("missing");
    }
    return value;
  }
}
