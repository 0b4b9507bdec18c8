package dev.ignite.cli;

import dev.ignite.api.FileMapping;
import dev.ignite.api.PortMapping;
import dev.ignite.api.Size;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the text forms of create's flags; each error names the flag and the expected form. */
final class FlagParsers {
  private static final Pattern PORT =
      Pattern.compile("^(?:(.+):)?([0-9]{1,5}):([0-9]{1,5})(?:/([A-Za-z]+))?$");

  private FlagParsers() {}

  /** {@code [BIND:]HOST:VM[/tcp|udp]}, as Docker and Ignite write it. */
  static PortMapping port(String text) {
    Matcher m = PORT.matcher(text);
    if (!m.matches()) {
      throw bad("--ports", text, "[BIND:]HOST:VM[/tcp|udp], e.g. 127.0.0.1:2222:22/tcp");
    }
    String proto = m.group(4) == null ? "tcp" : m.group(4).toLowerCase(Locale.ROOT);
    if (!proto.equals("tcp") && !proto.equals("udp")) {
      throw bad("--ports", text, "protocol tcp or udp");
    }
    return new PortMapping(
        Integer.parseInt(m.group(2)),
        Integer.parseInt(m.group(3)),
        m.group(1),
        PortMapping.Protocol.valueOf(proto.toUpperCase(Locale.ROOT)));
  }

  /** {@code HOST:VM}; the VM path must be absolute, the host path is made absolute. */
  static FileMapping copyFile(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw bad("--copy-files", text, "HOST_PATH:VM_PATH, e.g. ./motd:/etc/motd");
    }
    String vmPath = text.substring(colon + 1);
    if (!vmPath.startsWith("/")) {
      throw bad("--copy-files", text, "an absolute VM path after ':'");
    }
    String host = Path.of(text.substring(0, colon)).toAbsolutePath().normalize().toString();
    return new FileMapping(host, vmPath);
  }

  static Map<String, String> labels(List<String> texts) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String t : texts) {
      int eq = t.indexOf('=');
      if (eq <= 0) {
        throw bad("--label", t, "KEY=VALUE, e.g. env=dev");
      }
      out.put(t.substring(0, eq), t.substring(eq + 1));
    }
    return out;
  }

  static Size size(String flag, String text) {
    try {
      return Size.parse(text);
    } catch (IllegalArgumentException e) {
      throw new CliException(flag + ": " + e.getMessage());
    }
  }

  private static CliException bad(String flag, String text, String want) {
    return new CliException(flag + " \"" + text + "\": want " + want);
  }
}
