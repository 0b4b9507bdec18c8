package dev.ignite.api.codec;

import java.util.Locale;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Where snakeyaml-engine found that a text is not YAML, as a 1-based line and column, and why. Its
 * reader refuses a character (a NUL, a control character) with an offset in code points and no
 * mark, so the line and column are counted here, with YAML's line breaks (LF, CR, CRLF).
 */
record YamlFailure(int line, int column, String problem) {

  static YamlFailure of(String text, YamlEngineException e) {
    if (e instanceof MarkedYamlEngineException marked) {
      Mark mark = marked.getProblemMark().or(marked::getContextMark).orElse(null);
      return mark == null
          ? new YamlFailure(1, 1, marked.getProblem())
          : new YamlFailure(mark.getLine() + 1, mark.getColumn() + 1, marked.getProblem());
    }
    if (e instanceof ReaderException refused) {
      return at(text, refused.getPosition(), forbidden(refused.getCodePoint()));
    }
    return new YamlFailure(1, 1, e.getMessage());
  }

  private static String forbidden(int codePoint) {
    return String.format(Locale.ROOT, "the character U+%04X is not allowed", codePoint);
  }

  /** The line and column of the code point at {@code offset}. */
  private static YamlFailure at(String text, int offset, String problem) {
    int line = 1;
    int column = 1;
    int i = 0;
    for (int seen = 0; seen < offset && i < text.length(); seen++) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      boolean crBeforeLf = c == '\r' && i < text.length() && text.charAt(i) == '\n';
      if ((c == '\n' || c == '\r') && !crBeforeLf) {
        line++;
        column = 1;
      } else if (!crBeforeLf) {
        column++;
      }
    }
    return new YamlFailure(line, column, problem);
  }
}
