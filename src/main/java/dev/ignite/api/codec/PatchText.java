package dev.ignite.api.codec;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The text being patched, with the position arithmetic the patcher needs. The YAML parser counts
 * positions in code points; Java strings index UTF-16 chars, so every mark goes through {@link
 * #at(Mark)} before it touches the text.
 */
final class PatchText {
  private final String text;
  private final int[] charOfCodePoint;
  private final String lineEnding;

  PatchText(String text) {
    this.text = text;
    this.charOfCodePoint =
        text.codePointCount(0, text.length()) == text.length() ? null : index(text);
    this.lineEnding = detectLineEnding(text);
  }

  private static int[] index(String text) {
    int[] map = new int[text.codePointCount(0, text.length()) + 1];
    int cp = 0;
    for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
      map[cp++] = i;
    }
    map[cp] = text.length();
    return map;
  }

  private static String detectLineEnding(String text) {
    int lf = text.indexOf('\n');
    if (lf > 0 && text.charAt(lf - 1) == '\r') {
      return "\r\n";
    }
    if (lf < 0 && text.indexOf('\r') >= 0) {
      return "\r";
    }
    return "\n";
  }

  String text() {
    return text;
  }

  /** The line ending the file uses, so that CRLF files stay CRLF. */
  String lineEnding() {
    return lineEnding;
  }

  int at(Mark mark) {
    int cp = mark.getIndex();
    return charOfCodePoint == null ? cp : charOfCodePoint[cp];
  }

  int start(Node node) {
    return at(node.getStartMark().orElseThrow());
  }

  int end(Node node) {
    return at(node.getEndMark().orElseThrow());
  }

  static int column(Node node) {
    return node.getStartMark().orElseThrow().getColumn();
  }

  static int line(Node node) {
    return node.getStartMark().orElseThrow().getLine();
  }

  /** The position of the line break that ends the line holding {@code pos} (or the text's end). */
  int lineEnd(int pos) {
    int i = pos;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /** The first position at or after {@code pos} that is not a space or tab. */
  int skipBlanks(int pos) {
    int i = pos;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** Moves back from {@code pos} over spaces, tabs and line breaks, not before {@code floor}. */
  int backOverWhitespace(int pos, int floor) {
    int i = pos;
    while (i > floor && Character.isWhitespace(text.charAt(i - 1))) {
      i--;
    }
    return i;
  }

  /**
   * Moves back from {@code pos} over the indentation before it and the one line break before that:
   * the start of the line break that introduces a line.
   */
  int backOverIndent(int pos) {
    int i = pos;
    while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
      i--;
    }
    if (i > 0 && text.charAt(i - 1) == '\n') {
      i--;
    }
    if (i > 0 && text.charAt(i - 1) == '\r') {
      i--;
    }
    return i;
  }

  char charAt(int pos) {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }
}
