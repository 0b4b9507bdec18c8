package dev.ignite.api.codec;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** How YAML nodes read and how they are named in error messages. */
final class Scalars {
  private static final int SHOWN = 40;

  private Scalars() {}

  static boolean isNull(Node node) {
    return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
  }

  static boolean bool(ScalarNode s) {
    return Boolean.parseBoolean(s.getValue().toLowerCase(java.util.Locale.ROOT));
  }

  /** Names a node for "want X, got Y": a scalar shows its text (shortened), others their shape. */
  static String describe(Node node) {
    if (node instanceof MappingNode) {
      return "a mapping";
    }
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof ScalarNode s) {
      if (s.getTag().equals(Tag.NULL)) {
        return "null";
      }
      String v = s.getValue();
      String shown = v.length() > SHOWN ? v.substring(0, SHOWN) + "..." : v;
      return s.getTag().equals(Tag.STR) ? "\"" + shown + "\"" : shown;
    }
    return "an alias";
  }

  /** A number or boolean where text was wanted is usually a missing pair of quotes. */
  static String quoteHint(Node node) {
    if (node instanceof ScalarNode s && !s.getTag().equals(Tag.STR) && !isNull(s)) {
      return " (write \"" + s.getValue() + "\" to mean the text)";
    }
    return "";
  }
}
