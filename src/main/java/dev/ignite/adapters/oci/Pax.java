package dev.ignite.adapters.oci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** POSIX pax extended header records: {@code "<length> <key>=<value>\n"}, one after the other. */
final class Pax {
  private Pax() {}

  static Map<String, String> parse(byte[] data) throws IOException {
    Map<String, String> records = new HashMap<>();
    int at = 0;
    while (at < data.length) {
      if (data[at] == 0) {
        break; // some writers pad the payload with NULs
      }
      int space = at;
      int length = 0;
      while (space < data.length && data[space] >= '0' && data[space] <= '9' && length < MAX) {
        length = length * 10 + (data[space] - '0');
        space++;
      }
      int end = at + length;
      if (space == at
          || space >= data.length
          || data[space] != ' '
          || length >= MAX
          || end > data.length
          || end <= space + 1
          || data[end - 1] != '\n') {
        throw new IOException("bad pax extended header record at offset " + at);
      }
      String record = new String(data, space + 1, end - space - 2, StandardCharsets.UTF_8);
      int eq = record.indexOf('=');
      if (eq <= 0) {
        throw new IOException("bad pax extended header record at offset " + at);
      }
      records.put(record.substring(0, eq), record.substring(eq + 1));
      at = end;
    }
    return records;
  }

  private static final int MAX = 1 << 20;

  /** A non-negative decimal number, as size, uid, gid and device numbers are written. */
  static long number(String value, String field) throws IOException {
    try {
      long n = Long.parseLong(value.trim());
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IOException("bad pax " + field + " '" + value + "'");
    }
  }

  /** Seconds since the epoch with an optional decimal fraction, possibly negative. */
  static FileTime time(String value) throws IOException {
    String v = value.trim();
    int dot = v.indexOf('.');
    try {
      long seconds = Long.parseLong(dot < 0 ? v : v.substring(0, dot));
      long nanos = 0;
      if (dot >= 0) {
        String fraction = (v.substring(dot + 1) + "000000000").substring(0, 9);
        nanos = Long.parseLong(fraction);
        if (v.startsWith("-")) {
          nanos = -nanos;
        }
      }
      return FileTime.from(Instant.ofEpochSecond(seconds, nanos));
    } catch (RuntimeException e) {
      throw new IOException("bad pax mtime '" + value + "'");
    }
  }
}
