package dev.ignite.adapters.oci.unpack;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The extended attributes in pax records ({@code "<length> SCHILY.xattr.<name>=<value>\n"}), values
 * as the bytes they are: {@code security.capability} is binary. Records are taken as the library
 * already checked them; reading stops at anything malformed. When several headers give a name, the
 * first one wins, as it does for the library's own records.
 */
final class PaxXattrs {
  private static final String PREFIX = "SCHILY.xattr.";

  private PaxXattrs() {}

  static Map<String, byte[]> parse(byte[] pax) {
    Map<String, byte[]> xattrs = new TreeMap<>();
    int at = 0;
    while (at < pax.length) {
      if (pax[at] == 0) {
        at++;
        continue;
      }
      int space = at;
      long length = 0;
      while (space < pax.length && pax[space] >= '0' && pax[space] <= '9' && length <= pax.length) {
        length = length * 10 + (pax[space++] - '0');
      }
      long end = at + length;
      if (space == at
          || space >= pax.length
          || pax[space] != ' '
          || end > pax.length
          || end <= space + 1
          || pax[(int) end - 1] != '\n') {
        break;
      }
      record(pax, space + 1, (int) end - 1, xattrs);
      at = (int) end;
    }
    return xattrs;
  }

  /** One {@code key=value} record between {@code from} and {@code to} (its newline). */
  private static void record(byte[] pax, int from, int to, Map<String, byte[]> xattrs) {
    int eq = from;
    while (eq < to && pax[eq] != '=') {
      eq++;
    }
    String key = new String(pax, from, eq - from, StandardCharsets.UTF_8);
    if (eq < to && key.startsWith(PREFIX) && key.length() > PREFIX.length()) {
      xattrs.putIfAbsent(key.substring(PREFIX.length()), Arrays.copyOfRange(pax, eq + 1, to));
    }
  }
}
