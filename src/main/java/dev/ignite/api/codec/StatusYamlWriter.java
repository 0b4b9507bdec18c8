package dev.ignite.api.codec;

import java.util.List;
import java.util.Map;

/**
 * Writes a status tree as block YAML in the layout of the file it goes into: its line ending, its
 * indentation step, and whether its sequences are indented under their key or flush with it.
 */
final class StatusYamlWriter {
  private final String lineEnding;
  private final int indent;
  private final int sequenceIndent;

  StatusYamlWriter(PatchLayout layout) {
    this.lineEnding = layout.lineEnding();
    this.indent = layout.indent();
    this.sequenceIndent = layout.sequenceIndent();
  }

  /**
   * {@code key: value} with the key at column {@code col}; nested lines start with a line break.
   */
  String entry(String key, Object value, int col) {
    StringBuilder out = new StringBuilder();
    writeEntry(out, key, value, col);
    return out.toString();
  }

  /**
   * The entries of a non-empty map, the first at the current position, the others at {@code col}.
   */
  String entries(Map<?, ?> map, int col) {
    StringBuilder out = new StringBuilder();
    writeEntries(out, map, col);
    return out.toString();
  }

  /** What follows {@code key:} for a value: a space and a scalar, or the nested lines. */
  String valueAfterKey(Object value, int keyCol) {
    StringBuilder out = new StringBuilder();
    writeValueAfterKey(out, value, keyCol);
    return out.toString();
  }

  private void writeEntries(StringBuilder out, Map<?, ?> map, int col) {
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!first) {
        newLine(out, col);
      }
      writeEntry(out, e.getKey(), e.getValue(), col);
      first = false;
    }
  }

  private void writeEntry(StringBuilder out, Object key, Object value, int col) {
    out.append(PatchScalars.yaml(key)).append(':');
    writeValueAfterKey(out, value, col);
  }

  private void writeValueAfterKey(StringBuilder out, Object value, int keyCol) {
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        newLine(out, keyCol + indent);
        writeEntry(out, e.getKey(), e.getValue(), keyCol + indent);
      }
    } else if (value instanceof List<?> list && !list.isEmpty()) {
      for (Object item : list) {
        newLine(out, keyCol + sequenceIndent);
        out.append('-');
        writeItem(out, item, keyCol + sequenceIndent + 2);
      }
    } else {
      out.append(' ').append(inline(value));
    }
  }

  /** An item after its {@code -}; {@code col} is where the item's content starts. */
  private void writeItem(StringBuilder out, Object item, int col) {
    if (item instanceof Map<?, ?> map && !map.isEmpty()) {
      out.append(' ');
      writeEntries(out, map, col);
    } else if (item instanceof List<?> list && !list.isEmpty()) {
      out.append(' ');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          newLine(out, col);
        }
        out.append('-');
        writeItem(out, list.get(i), col + 2);
      }
    } else {
      out.append(' ').append(inline(item));
    }
  }

  private static String inline(Object value) {
    if (value instanceof Map<?, ?>) {
      return "{}";
    }
    if (value instanceof List<?>) {
      return "[]";
    }
    return PatchScalars.yaml(value);
  }

  private void newLine(StringBuilder out, int col) {
    out.append(lineEnding).append(" ".repeat(col));
  }
}
