package dev.ignite.api.codec;

import java.util.List;
import java.util.Map;

/**
 * Writes a status tree in flow style: JSON in a JSON file (pretty-printed when the file is), or a
 * YAML flow mapping with plain scalars where the file is a YAML flow mapping.
 */
final class StatusFlowWriter {
  private final PatchLayout layout;

  StatusFlowWriter(PatchLayout layout) {
    this.layout = layout;
  }

  /** A key as the file writes keys. */
  String key(String key) {
    return layout.json() ? PatchScalars.json(key) : PatchScalars.yaml(key);
  }

  /** The separator between a key and its value. */
  String colon() {
    return layout.json() && !layout.spaced() ? ":" : ": ";
  }

  /** {@code value} written where its key sits at column {@code col}. */
  String value(Object value, int col) {
    StringBuilder out = new StringBuilder();
    write(out, value, col);
    return out.toString();
  }

  private void write(StringBuilder out, Object value, int col) {
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      out.append('{');
      int i = 0;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        separate(out, i++, col);
        out.append(key(String.valueOf(e.getKey()))).append(colon());
        write(out, e.getValue(), col + layout.indent());
      }
      close(out, col, '}');
    } else if (value instanceof List<?> list && !list.isEmpty()) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        separate(out, i, col);
        write(out, list.get(i), col + layout.indent());
      }
      close(out, col, ']');
    } else if (value instanceof Map<?, ?>) {
      out.append("{}");
    } else if (value instanceof List<?>) {
      out.append("[]");
    } else {
      out.append(layout.json() ? PatchScalars.json(value) : PatchScalars.yaml(value));
    }
  }

  private void separate(StringBuilder out, int index, int col) {
    if (index > 0) {
      out.append(',');
    }
    if (layout.pretty()) {
      out.append(layout.lineEnding()).append(" ".repeat(col + layout.indent()));
    } else if (index > 0 && (layout.spaced() || !layout.json())) {
      out.append(' ');
    }
  }

  private void close(StringBuilder out, int col, char bracket) {
    if (layout.pretty()) {
      out.append(layout.lineEnding()).append(" ".repeat(col));
    }
    out.append(bracket);
  }
}
