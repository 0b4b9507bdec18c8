package dev.ignite.api.codec;

import java.util.List;
import java.util.OptionalInt;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * How the document is laid out, read from the document itself so that what the patcher writes looks
 * like what the user wrote.
 *
 * @param indent spaces per nesting level
 * @param sequenceIndent how far a block sequence's {@code -} sits right of its key (often 0)
 * @param json keys are double-quoted, so values are written as JSON
 * @param spaced JSON is written with a space after {@code :} and {@code ,}
 * @param pretty a flow document spread over several lines, one entry per line
 */
record PatchLayout(
    String lineEnding,
    int indent,
    int sequenceIndent,
    boolean flow,
    boolean json,
    boolean spaced,
    boolean pretty) {
  private static final int DEFAULT_INDENT = 2;

  static PatchLayout of(MappingNode root, PatchText text) {
    return PatchNodes.isBlock(root) ? block(root, text) : flow(root, text);
  }

  private static PatchLayout block(MappingNode root, PatchText text) {
    int indent = mappingIndent(root, text).orElse(DEFAULT_INDENT);
    int sequenceIndent = sequenceIndent(root, text).orElse(indent);
    return new PatchLayout(text.lineEnding(), indent, sequenceIndent, false, false, true, false);
  }

  private static PatchLayout flow(MappingNode root, PatchText text) {
    List<NodeTuple> entries = root.getValue();
    if (entries.isEmpty()) {
      return new PatchLayout(text.lineEnding(), DEFAULT_INDENT, 0, true, true, true, false);
    }
    Node firstKey = entries.get(0).getKeyNode();
    boolean json =
        firstKey instanceof ScalarNode k && k.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED;
    int afterKey = text.skipBlanks(text.end(firstKey));
    boolean spaced = Character.isWhitespace(text.charAt(afterKey + 1));
    boolean pretty = PatchText.line(firstKey) > PatchText.line(root);
    int step = PatchText.column(firstKey) - PatchText.column(root);
    int indent = pretty && step > 0 ? step : DEFAULT_INDENT;
    return new PatchLayout(text.lineEnding(), indent, 0, true, json, spaced, pretty);
  }

  /** The first block mapping nested under a key tells the indentation step. */
  private static OptionalInt mappingIndent(Node node, PatchText text) {
    for (NodeTuple t : children(node)) {
      Node value = t.getValueNode();
      if (value instanceof MappingNode m && PatchNodes.isBlock(m) && !m.getValue().isEmpty()) {
        int step = PatchNodes.entryColumn(m, text) - PatchText.column(t.getKeyNode());
        if (step > 0) {
          return OptionalInt.of(step);
        }
      }
      OptionalInt nested = mappingIndent(value, text);
      if (nested.isPresent()) {
        return nested;
      }
    }
    return OptionalInt.empty();
  }

  private static OptionalInt sequenceIndent(Node node, PatchText text) {
    for (NodeTuple t : children(node)) {
      Node value = t.getValueNode();
      if (value instanceof SequenceNode s && PatchNodes.isBlock(s)) {
        int step = PatchNodes.entryColumn(s, text) - PatchText.column(t.getKeyNode());
        if (step >= 0) {
          return OptionalInt.of(step);
        }
      }
      OptionalInt nested = sequenceIndent(value, text);
      if (nested.isPresent()) {
        return nested;
      }
    }
    return OptionalInt.empty();
  }

  /** Entries of block mappings, including mappings inside block sequences. */
  private static List<NodeTuple> children(Node node) {
    if (node instanceof MappingNode m && PatchNodes.isBlock(m)) {
      return m.getValue();
    }
    if (node instanceof SequenceNode s && PatchNodes.isBlock(s)) {
      return s.getValue().stream().flatMap(item -> children(item).stream()).toList();
    }
    return List.of();
  }
}
