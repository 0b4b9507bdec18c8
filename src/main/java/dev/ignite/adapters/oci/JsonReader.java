package dev.ignite.adapters.oci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A strict pull reader of one JSON document (RFC 8259) held in memory: manifests, indexes, configs,
 * token answers and config.json. It replaces jackson-core on the import path, whose first parser
 * cost a fresh JVM ~6 ms of class loading and set-up before the first layer could be asked for; the
 * documents here are a few hundred bytes to a few kilobytes.
 *
 * <p>Input is untrusted: nesting is capped, strings may not hold raw control characters, numbers
 * must be well formed, and nothing but white space may follow the document. Errors name the line
 * and column.
 */
final class JsonReader {
  enum Token {
    START_OBJECT,
    END_OBJECT,
    START_ARRAY,
    END_ARRAY,
    FIELD_NAME,
    STRING,
    NUMBER_INT,
    NUMBER_FLOAT,
    TRUE,
    FALSE,
    NULL
  }

  private static final int MAX_DEPTH = 256;

  private final byte[] in;
  private int pos;
  // per open container: true for an object; whether a member was read, for the comma rule
  private final boolean[] isObject = new boolean[MAX_DEPTH];
  private final boolean[] hasMember = new boolean[MAX_DEPTH];
  private int depth;
  private boolean expectValue = true; // a value is due: at the start, after ':' in an object
  private boolean done;
  private Token current;
  private String text;
  private String name;
  private long number;

  JsonReader(byte[] json) {
    this.in = json;
  }

  /** The next token, or null after the document ends (only white space may follow it). */
  Token next() throws IOException {
    if (done) {
      skipSpace();
      if (pos < in.length) {
        throw error("unexpected text after the document");
      }
      return current = null;
    }
    skipSpace();
    if (pos == in.length) {
      throw error("the document ends too soon");
    }
    byte c = in[pos];
    if (depth > 0 && !expectValue) {
      if (c == (isObject[depth - 1] ? '}' : ']')) {
        pos++;
        return close();
      }
      if (hasMember[depth - 1]) {
        if (c != ',') {
          throw error("expected ',' or '" + (isObject[depth - 1] ? '}' : ']') + "'");
        }
        pos++;
        skipSpace();
      }
      hasMember[depth - 1] = true;
      if (isObject[depth - 1]) {
        return fieldName();
      }
    }
    return value();
  }

  Token current() {
    return current;
  }

  /** The name of the field whose value is current (or which is current). */
  String currentName() {
    return name;
  }

  /** The current string, or the current number's text. */
  String text() {
    return text;
  }

  long longValue() {
    return number;
  }

  /** On the start of an object or array: moves to its end. Otherwise stays. */
  void skipChildren() throws IOException {
    if (current != Token.START_OBJECT && current != Token.START_ARRAY) {
      return;
    }
    int open = 1;
    while (open > 0) {
      Token t = next();
      if (t == Token.START_OBJECT || t == Token.START_ARRAY) {
        open++;
      } else if (t == Token.END_OBJECT || t == Token.END_ARRAY) {
        open--;
      }
    }
  }

  private Token fieldName() throws IOException {
    if (pos == in.length || in[pos] != '"') {
      throw error("expected a field name in quotes");
    }
    name = string();
    skipSpace();
    if (pos == in.length || in[pos] != ':') {
      throw error("expected ':' after field name \"" + name + "\"");
    }
    pos++;
    expectValue = true;
    return current = Token.FIELD_NAME;
  }

  private Token value() throws IOException {
    if (pos == in.length) {
      throw error("the document ends too soon");
    }
    expectValue = false;
    byte c = in[pos];
    switch (c) {
      case '{':
      case '[':
        if (depth == MAX_DEPTH) {
          throw error("nested more than " + MAX_DEPTH + " deep");
        }
        pos++;
        isObject[depth] = c == '{';
        hasMember[depth] = false;
        depth++;
        return current = c == '{' ? Token.START_OBJECT : Token.START_ARRAY;
      case '"':
        text = string();
        return ended(Token.STRING);
      case 't':
        return literal("true", Token.TRUE);
      case 'f':
        return literal("false", Token.FALSE);
      case 'n':
        return literal("null", Token.NULL);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character " + describe(c));
    }
  }

  private Token close() {
    depth--;
    return ended(isObject[depth] ? Token.END_OBJECT : Token.END_ARRAY);
  }

  /** A value is complete: at depth 0 the document is. */
  private Token ended(Token t) {
    done = depth == 0;
    return current = t;
  }

  private Token literal(String word, Token t) throws IOException {
    for (int i = 0; i < word.length(); i++) {
      if (pos + i >= in.length || in[pos + i] != word.charAt(i)) {
        throw error("unexpected text, expected '" + word + "'");
      }
    }
    pos += word.length();
    return ended(t);
  }

  private Token number() throws IOException {
    int start = pos;
    if (in[pos] == '-') {
      pos++;
    }
    int intStart = pos;
    digits();
    if (pos - intStart > 1 && in[intStart] == '0') {
      throw error("a number may not start with 0");
    }
    boolean integral = true;
    if (pos < in.length && in[pos] == '.') {
      pos++;
      digits();
      integral = false;
    }
    if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
      pos++;
      if (pos < in.length && (in[pos] == '+' || in[pos] == '-')) {
        pos++;
      }
      digits();
      integral = false;
    }
    text = new String(in, start, pos - start, StandardCharsets.US_ASCII);
    if (!integral) {
      return ended(Token.NUMBER_FLOAT);
    }
    try {
      number = Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw error("number " + text + " is too large");
    }
    return ended(Token.NUMBER_INT);
  }

  private void digits() throws IOException {
    int start = pos;
    while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
      pos++;
    }
    if (pos == start) {
      throw error("expected a digit");
    }
  }

  /** A quoted string; {@code pos} stands on its opening quote. */
  private String string() throws IOException {
    int start = ++pos;
    while (pos < in.length && in[pos] != '"' && in[pos] != '\\' && (in[pos] & 0xff) >= 0x20) {
      pos++;
    }
    if (pos < in.length && in[pos] == '"') { // the common case: no escapes
      return new String(in, start, pos++ - start, StandardCharsets.UTF_8);
    }
    return escapedString(start);
  }

  private String escapedString(int start) throws IOException {
    StringBuilder s = new StringBuilder();
    int run = start;
    while (true) {
      if (pos == in.length) {
        throw error("a string is not closed");
      }
      int c = in[pos] & 0xff;
      if (c == '"' || c == '\\') {
        s.append(new String(in, run, pos - run, StandardCharsets.UTF_8));
        pos++;
        if (c == '"') {
          return s.toString();
        }
        s.append(escape());
        run = pos;
      } else if (c < 0x20) {
        throw error("control character " + describe((byte) c) + " inside a string");
      } else {
        pos++;
      }
    }
  }

  /** The character an escape stands for; {@code pos} stands after the backslash. */
  private char escape() throws IOException {
    if (pos == in.length) {
      throw error("a string is not closed");
    }
    byte e = in[pos++];
    switch (e) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        return unicodeEscape();
      default:
        pos--;
        throw error("unknown escape \\" + (char) (e & 0xff));
    }
  }

  private char unicodeEscape() throws IOException {
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = pos < in.length ? Character.digit(in[pos] & 0xff, 16) : -1;
      if (digit < 0) {
        throw error("\\u must be followed by four hex digits");
      }
      value = value * 16 + digit;
      pos++;
    }
    return (char) value; // surrogate halves pair up in the string as they do in JSON
  }

  private void skipSpace() {
    while (pos < in.length) {
      byte c = in[pos];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return;
      }
      pos++;
    }
  }

  private static String describe(byte c) {
    int b = c & 0xff;
    return b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : "byte 0x" + Integer.toHexString(b);
  }

  private IOException error(String what) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < Math.min(pos, in.length); i++) {
      if (in[i] == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new IOException(what + " at line " + line + ", column " + column);
  }
}
