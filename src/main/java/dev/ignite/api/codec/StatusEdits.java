package dev.ignite.api.codec;

import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;

/**
 * The text edits that put a new status (and a missing uid) into one document, in the document's own
 * style: block YAML, a YAML flow mapping, or JSON.
 */
final class StatusEdits {
  private final PatchText text;
  private final PatchLayout layout;
  private final StatusYamlWriter yaml;
  private final StatusFlowWriter flow;

  StatusEdits(PatchText text, PatchLayout layout) {
    this.text = text;
    this.layout = layout;
    this.yaml = new StatusYamlWriter(layout);
    this.flow = new StatusFlowWriter(layout);
  }

  /**
   * Replaces the value of an existing {@code status} entry. The key stays as written, and so do
   * comments on the key's line and between the key and a value written below it.
   */
  List<PatchEdit> replace(NodeTuple status, Map<String, Object> tree) {
    Node value = status.getValueNode();
    int keyCol = PatchText.column(status.getKeyNode());
    int afterColon = afterColon(status.getKeyNode());
    if (text.start(value) < afterColon) {
      // an alias: its node and marks are the anchor's, elsewhere in the file
      throw new IllegalArgumentException(
          "cannot patch the status at line "
              + (PatchText.line(status.getKeyNode()) + 1)
              + ": it is an alias (*name); write the status out in full");
    }
    if (layout.flow() || isNonEmptyFlowMapping(value)) {
      String written = flow.value(tree, keyCol);
      if (PatchNodes.isEmptyNull(value)) {
        return List.of(PatchEdit.insert(afterColon, " " + written));
      }
      return List.of(new PatchEdit(text.start(value), PatchNodes.contentEnd(value, text), written));
    }
    if (PatchNodes.isEmptyNull(value)) {
      // `status:` then perhaps a comment: nested lines go after the comment, `{}` before it
      int at = tree.isEmpty() ? afterColon : text.lineEnd(afterColon);
      return List.of(PatchEdit.insert(at, yaml.valueAfterKey(tree, keyCol)));
    }
    if (PatchText.line(value) > PatchText.line(status.getKeyNode())) {
      return replaceBelowKey(value, tree, keyCol, afterColon);
    }
    return List.of(
        new PatchEdit(
            afterColon, PatchNodes.contentEnd(value, text), yaml.valueAfterKey(tree, keyCol)));
  }

  /**
   * A value on the lines below its key (a block mapping or sequence, or any value after a comment):
   * only the value's own lines are rewritten, so the comments between key and value stay.
   */
  private List<PatchEdit> replaceBelowKey(
      Node value, Map<String, Object> tree, int keyCol, int afterColon) {
    int end = PatchNodes.contentEnd(value, text);
    if (tree.isEmpty()) {
      int bodyStart = text.backOverIndent(text.start(value));
      return List.of(PatchEdit.insert(afterColon, " {}"), new PatchEdit(bodyStart, end, ""));
    }
    int col = PatchText.column(value);
    if (col > keyCol) {
      return List.of(new PatchEdit(text.start(value), end, yaml.entries(tree, col)));
    }
    // a sequence flush with its key (`status:` then `- item`): the entries go one step in
    int bodyStart = text.backOverIndent(text.start(value));
    return List.of(new PatchEdit(bodyStart, end, yaml.valueAfterKey(tree, keyCol)));
  }

  private static boolean isNonEmptyFlowMapping(Node value) {
    return value instanceof MappingNode m && !PatchNodes.isBlock(m) && !m.getValue().isEmpty();
  }

  /** Adds a {@code status} entry after the document's last entry. */
  PatchEdit append(MappingNode root, Map<String, Object> tree) {
    return addEntry(root, "status", tree);
  }

  /** Adds {@code uid} after the last entry of {@code metadata}. */
  PatchEdit addUid(MappingNode metadata, String uid) {
    return addEntry(metadata, "uid", uid);
  }

  private PatchEdit addEntry(MappingNode mapping, String key, Object value) {
    List<NodeTuple> entries = mapping.getValue();
    NodeTuple last = entries.get(entries.size() - 1);
    int lastEnd = PatchNodes.entryEnd(last, text);
    if (PatchNodes.isBlock(mapping)) {
      int col = PatchNodes.entryColumn(mapping, text);
      String line = layout.lineEnding() + " ".repeat(col) + yaml.entry(key, value, col);
      return PatchEdit.insert(text.lineEnd(lastEnd), line);
    }
    int col = PatchText.column(entries.get(0).getKeyNode());
    boolean multiline = PatchText.line(last.getKeyNode()) > PatchText.line(mapping);
    String separator =
        multiline
            ? "," + layout.lineEnding() + " ".repeat(col)
            : (layout.spaced() || !layout.json() ? ", " : ",");
    String entry = flow.key(key) + flow.colon() + flow.value(value, col);
    return PatchEdit.insert(lastEnd, separator + entry);
  }

  /** Just past the {@code :} that follows a key (spaces may sit between, as in JSON). */
  private int afterColon(Node key) {
    int colon = text.skipBlanks(text.end(key));
    if (text.charAt(colon) != ':') {
      throw new IllegalArgumentException(
          "cannot patch the status at line "
              + (PatchText.line(key) + 1)
              + ": write it as `status:` followed by its value, not as an explicit `?` key");
    }
    return colon + 1;
  }
}
