package dev.ignite.adapters.oci;

/**
 * Names checked by hand rather than by regex: a regex's start-up in a fresh JVM (~2 ms) would be
 * paid by every import before its first request (docs/decisions.md).
 */
final class AsciiWords {
  private AsciiWords() {}

  /**
   * 1 to {@code max} characters, each an ASCII letter or digit, or one of {@code first} (as the
   * first character) or {@code later} (after it).
   */
  static boolean matches(String s, int max, String first, String later) {
    if (s.isEmpty() || s.length() > max) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!isAlphaNumeric(c) && (i == 0 ? first : later).indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  static boolean isLowerAlphaNumeric(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  }

  static boolean isAlphaNumeric(char c) {
    return isLowerAlphaNumeric(c) || (c >= 'A' && c <= 'Z');
  }
}
