package dev.ignite.adapters.oci.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One challenge of a {@code WWW-Authenticate} header (RFC 7235): a scheme ({@code bearer}, {@code
 * basic}; lower case) and its parameters (names lower case, values unquoted). Quoted values may
 * hold commas, so the header cannot simply be split on them.
 */
record AuthChallenge(String scheme, Map<String, String> params) {
  AuthChallenge {
    params = Map.copyOf(params);
  }

  Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name));
  }

  /** Every challenge in the given header values, in order; malformed tails are dropped. */
  static List<AuthChallenge> parseAll(List<String> headerValues) {
    List<AuthChallenge> out = new ArrayList<>();
    for (String value : headerValues) {
      out.addAll(parse(value));
    }
    return out;
  }

  static List<AuthChallenge> parse(String header) {
    List<AuthChallenge> out = new ArrayList<>();
    Cursor c = new Cursor(header);
    String scheme = c.token();
    while (!scheme.isEmpty()) {
      Map<String, String> params = new HashMap<>();
      String next = "";
      while (true) {
        c.skipSeparators();
        String name = c.token();
        if (name.isEmpty()) {
          break;
        }
        c.skipSpaces();
        if (!c.take('=')) {
          next = name; // a token without '=' starts the next challenge
          break;
        }
        c.skipSpaces();
        params.put(name.toLowerCase(Locale.ROOT), c.value());
      }
      out.add(new AuthChallenge(scheme.toLowerCase(Locale.ROOT), params));
      scheme = next;
    }
    return out;
  }

  private static final class Cursor {
    private final String s;
    private int i;

    Cursor(String s) {
      this.s = s == null ? "" : s;
    }

    void skipSpaces() {
      while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
        i++;
      }
    }

    void skipSeparators() {
      while (i < s.length() && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i)))) {
        i++;
      }
    }

    boolean take(char ch) {
      if (i < s.length() && s.charAt(i) == ch) {
        i++;
        return true;
      }
      return false;
    }

    String token() {
      skipSpaces();
      int start = i;
      while (i < s.length() && "=, \t\"".indexOf(s.charAt(i)) < 0) {
        i++;
      }
      return s.substring(start, i);
    }

    /** A quoted string (backslash escapes the next character) or a bare token. */
    String value() {
      if (!take('"')) {
        return token();
      }
      StringBuilder b = new StringBuilder();
      while (i < s.length() && s.charAt(i) != '"') {
        if (s.charAt(i) == '\\' && i + 1 < s.length()) {
          i++;
        }
        b.append(s.charAt(i++));
      }
      take('"');
      return b.toString();
    }
  }
}
