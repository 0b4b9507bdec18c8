package dev.ignite.api.codec;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes scalars so that they read back as the same value under every YAML reader we may meet (YAML
 * 1.2 core and JSON schemas, and YAML 1.1 readers that take {@code yes} for a boolean and {@code
 * 2026-01-01} for a date): a string is left plain only when it is plainly a string.
 */
final class PatchScalars {
  private static final Set<String> RESERVED_WORDS =
      Set.of("null", "~", "true", "false", "yes", "no", "on", "off", "y", "n");
  private static final Pattern NUMBER_LIKE =
      Pattern.compile(
          "[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+"
              + "|[0-9][0-9_]*(\\.[0-9_]*)?([eE][-+]?[0-9]+)?"
              + "|\\.[0-9_]+([eE][-+]?[0-9]+)?|\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))");
  private static final Pattern DATE_LIKE = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}.*");
  private static final String PLAIN_PUNCTUATION = "-._/+@=";

  private PatchScalars() {}

  /** A scalar in YAML (block or flow): plain when that is safe, double-quoted otherwise. */
  static String yaml(Object value) {
    if (value instanceof String s) {
      return isPlainSafe(s) ? s : quoted(s);
    }
    return nonString(value);
  }

  /** A scalar in JSON. */
  static String json(Object value) {
    return value instanceof String s ? quoted(s) : nonString(value);
  }

  private static String nonString(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      throw new IllegalArgumentException("status value " + d + " cannot be written as JSON");
    }
    if (value instanceof Boolean || value instanceof Number) {
      return value.toString();
    }
    throw new IllegalArgumentException(
        "status values must be String, Number, Boolean, List or Map, not "
            + value.getClass().getName());
  }

  static boolean isPlainSafe(String s) {
    if (s.isEmpty()
        || !isWordChar(s.codePointAt(0))
        || s.endsWith(" ")
        || RESERVED_WORDS.contains(s.toLowerCase(Locale.ROOT))
        || NUMBER_LIKE.matcher(s).matches()
        || DATE_LIKE.matcher(s).matches()) {
      return false;
    }
    return s.codePoints()
        .allMatch(c -> isWordChar(c) || c == ' ' || PLAIN_PUNCTUATION.indexOf(c) >= 0);
  }

  private static boolean isWordChar(int c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /** Double-quoted with JSON escapes, which YAML reads the same way. */
  static String quoted(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (needsEscape(s, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Control characters, YAML line separators and lone surrogates are never written raw. */
  private static boolean needsEscape(String s, int i) {
    char c = s.charAt(i);
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029) {
      return true;
    }
    if (c == 0xfeff || c == 0xfffe || c == 0xffff) {
      return true;
    }
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
  }
}
