package dev.ignite.adapters.disk;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One command line of a {@code debugfs -f} script, the only way strings reach debugfs. debugfs
 * reads its script in lines of at most 8191 bytes with {@code fgets}: a longer line is cut and its
 * rest read as a command of its own, and a line that starts with '!' is run by the shell. Words are
 * double-quoted; a quote or a line break inside one would end it early. So every word is refused if
 * it holds a quote or a control character, and every line if it is longer than debugfs reads at
 * once: no name from an image, a kernel or a manifest can become a command.
 */
final class DebugfsLine {
  /** glibc's BUFSIZ (8192) minus the string's NUL, minus the newline. */
  static final int MAX_BYTES = 8190;

  private static final boolean UTF8_FILE_NAMES = fileNamesAreUtf8();

  private DebugfsLine() {}

  /** {@code command "arg" "arg" ...} followed by a newline. */
  static String of(String command, String... args) throws IOException {
    StringBuilder line = new StringBuilder(command);
    for (String a : args) {
      checkWord(a);
      line.append(" \"").append(a).append('"');
    }
    if (line.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new IOException(
          "a debugfs command would be longer than the "
              + MAX_BYTES
              + " bytes debugfs reads as one line: "
              + line.substring(0, 80)
              + "...");
    }
    return line.append('\n').toString();
  }

  /** debugfs has no escapes inside its quoted words that we rely on: refuse what needs one. */
  static void checkWord(String word) throws IOException {
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c == '"' || c < 0x20 || c == 0x7f) {
        throw new IOException("\"" + printable(word) + "\" holds a quote or control character");
      }
    }
  }

  /**
   * A host path debugfs will open must name the file that was checked. The script is written in
   * UTF-8; a name whose bytes are not text in the host's file-name encoding comes back from Java
   * with replacement characters, which would name another (possibly linked) file to debugfs.
   */
  static void checkHostPath(Path path) throws IOException {
    String text = path.toString();
    if (!roundTrips(text, path) || (!isAscii(text) && !UTF8_FILE_NAMES)) {
      throw new IOException(
          "\"" + printable(text) + "\": the name is not valid text in the host's encoding");
    }
    checkWord(text);
  }

  /** The JDK decodes file names with the locale's charset, kept in {@code sun.jnu.encoding}. */
  private static boolean fileNamesAreUtf8() {
    try {
      return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"))
          .equals(StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean roundTrips(String text, Path path) {
    try {
      return Path.of(text).equals(path);
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** {@code word} with control characters shown as {@code \n}-style escapes, for messages. */
  static String printable(String word) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(c < 0x10 ? "\\x0" : "\\x").append(Integer.toHexString(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
