package dev.ignite.adapters.ssh;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Quotes words for a POSIX shell. SSH sends one command string that the guest's shell splits again,
 * so every word must survive that split unchanged whatever it contains.
 */
final class ShellWords {
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

  private ShellWords() {}

  static String join(List<String> argv) {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("no command given");
    }
    return argv.stream().map(ShellWords::quote).collect(Collectors.joining(" "));
  }

  /** Single quotes keep everything literal; a quote itself is closed, escaped and reopened. */
  static String quote(String word) {
    if (word.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a command word cannot contain a NUL byte");
    }
    if (PLAIN.matcher(word).matches()) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
