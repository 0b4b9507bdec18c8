package dev.ignite.api;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A byte count as users write it: an integer and a binary unit (1GB = 2^30 bytes). Written back
 * with the largest unit that is exact, so `800MB` stays `800MB`.
 */
public record Size(long bytes) implements Comparable<Size> {
  private static final Pattern FORMAT = Pattern.compile("^([0-9]+)\\s*([A-Za-z]*)$");
  private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

  public Size {
    if (bytes < 0) {
      throw new IllegalArgumentException("a size cannot be negative: " + bytes);
    }
  }

  public static Size ofBytes(long bytes) {
    return new Size(bytes);
  }

  public static Size ofMiB(long mib) {
    return new Size(mib << 20);
  }

  public static Size ofGiB(long gib) {
    return new Size(gib << 30);
  }

  /**
   * Parses `800MB`, `3gb`, `4096`, `512K`. Fractions (`1.5GB`) and bit units (`3Gb`) are refused
   * because they are ambiguous or a typo.
   */
  public static Size parse(String text) {
    String t = text.trim();
    Matcher m = FORMAT.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "invalid size \""
              + text
              + "\": want an integer and a unit B, KB, MB, GB or TB (e.g. 800MB)");
    }
    String unit = m.group(2);
    if (unit.length() == 2 && unit.charAt(1) == 'b') {
      throw new IllegalArgumentException(
          "invalid size \""
              + text
              + "\": unit \""
              + unit
              + "\" reads as bits; write "
              + unit.charAt(0)
              + "B");
    }
    int shift = shiftOf(unit.toUpperCase(Locale.ROOT), text);
    long value;
    try {
      value = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid size \"" + text + "\": number too large");
    }
    if (shift > 0 && value > (Long.MAX_VALUE >> shift)) {
      throw new IllegalArgumentException("invalid size \"" + text + "\": too large");
    }
    return new Size(value << shift);
  }

  private static int shiftOf(String unit, String text) {
    switch (unit) {
      case "":
      case "B":
        return 0;
      case "K":
      case "KB":
        return 10;
      case "M":
      case "MB":
        return 20;
      case "G":
      case "GB":
        return 30;
      case "T":
      case "TB":
        return 40;
      default:
        throw new IllegalArgumentException(
            "invalid size \""
                + text
                + "\": unknown unit \""
                + unit
                + "\" (use B, KB, MB, GB or TB)");
    }
  }

  /** The canonical form written to files: largest exact unit. */
  @Override
  public String toString() {
    int i = 0;
    long v = bytes;
    while (i < UNITS.length - 1 && v != 0 && (v & 1023) == 0) {
      v >>= 10;
      i++;
    }
    return v + UNITS[i];
  }

  /** The form shown in tables, like Ignite's `ps`: `800.0 MB`, `3.0 GB`. */
  public String human() {
    double v = bytes;
    int i = 0;
    while (i < UNITS.length - 1 && v > 1024) {
      v /= 1024;
      i++;
    }
    // Ignite moves to the next unit only above 1024 of this one: exactly 1GB shows "1024.0 MB".
    // Same digits as "%.1f" (half-up on the shortest decimal form) without Formatter's start-up
    // cost, which showed in `ignite ps` with 1,000 VMs.
    return java.math.BigDecimal.valueOf(v)
            .setScale(1, java.math.RoundingMode.HALF_UP)
            .toPlainString()
        + " "
        + UNITS[i];
  }

  public long mebibytes() {
    return bytes >> 20;
  }

  @Override
  public int compareTo(Size o) {
    return Long.compare(bytes, o.bytes);
  }
}
