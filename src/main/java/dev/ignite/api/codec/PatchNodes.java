package dev.ignite.api.codec;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Questions about composed YAML nodes that the patcher asks, with positions as char indexes. */
final class PatchNodes {
  private PatchNodes() {}

  static Optional<NodeTuple> entry(Node mapping, String key) {
    if (!(mapping instanceof MappingNode map)) {
      return Optional.empty();
    }
    return map.getValue().stream()
        .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
        .findFirst();
  }

  static Optional<String> scalar(Node mapping, String key) {
    return entry(mapping, key)
        .map(NodeTuple::getValueNode)
        .filter(ScalarNode.class::isInstance)
        .map(n -> ((ScalarNode) n).getValue());
  }

  static boolean isBlock(Node node) {
    return node instanceof CollectionNode<?> c && c.getFlowStyle() == FlowStyle.BLOCK;
  }

  /**
   * The column where a block collection's entries start. Its start mark lies there, unless an
   * anchor or tag precedes it (on the key's line): then the first entry tells, through the {@code
   * -} before a sequence's first item or the first key of a mapping (or the {@code ?} of an
   * explicit key, where the mark then is).
   */
  static int entryColumn(CollectionNode<?> node, PatchText text) {
    int start = text.start(node);
    char first = text.charAt(start);
    if (first == '?' || first == '-' || node.getValue().isEmpty()) {
      return PatchText.column(node);
    }
    if (node instanceof MappingNode map) {
      return PatchText.column(map.getValue().get(0).getKeyNode());
    }
    Node item = ((SequenceNode) node).getValue().get(0);
    int dash = text.start(item);
    while (dash > 0 && text.charAt(dash - 1) == ' ') {
      dash--;
    }
    return PatchText.column(item) - (text.start(item) - dash) - 1;
  }

  /** {@code status:} with nothing after it: the parser places it right after the colon. */
  static boolean isEmptyNull(Node node) {
    return node instanceof ScalarNode s
        && s.getScalarStyle() == ScalarStyle.PLAIN
        && s.getValue().isEmpty()
        && s.getStartMark().map(Mark::getIndex).equals(s.getEndMark().map(Mark::getIndex));
  }

  /**
   * Where the node's own text ends. A block collection's end mark lies at the next key (past any
   * comments in between), and a block scalar's past its trailing blank lines, so both are narrowed
   * down to the last character that belongs to the value.
   */
  static int contentEnd(Node node, PatchText text) {
    if (node instanceof MappingNode map && isBlock(map)) {
      List<NodeTuple> entries = map.getValue();
      return entryEnd(entries.get(entries.size() - 1), text);
    }
    if (node instanceof SequenceNode seq && isBlock(seq)) {
      List<Node> items = seq.getValue();
      return contentEnd(items.get(items.size() - 1), text);
    }
    int end = text.end(node);
    if (node instanceof ScalarNode s
        && (s.getScalarStyle() == ScalarStyle.LITERAL
            || s.getScalarStyle() == ScalarStyle.FOLDED)) {
      return text.backOverWhitespace(end, text.start(node));
    }
    return end;
  }

  /**
   * Where a mapping entry ends. An alias value carries its anchor's marks, which may lie before the
   * key, so the key's own end is the floor.
   */
  static int entryEnd(NodeTuple entry, PatchText text) {
    return Math.max(text.end(entry.getKeyNode()), contentEnd(entry.getValueNode(), text));
  }
}
