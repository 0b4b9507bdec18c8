package dev.ignite.api.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.nodes.CollectionNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The properties every patch must have, checked independently of the patcher's own position code:
 * (1) removing the status entry (and an added uid entry) from both texts leaves identical text, (2)
 * the result parses and its status equals the tree, (3) patching again changes nothing, and (4) the
 * other documents are unchanged.
 */
final class PatchProperties {
  private static final LoadSettings SETTINGS =
      LoadSettings.builder().setSchema(new CoreSchema()).build();

  private PatchProperties() {}

  static String patchAndCheck(
      String before, String vmName, Map<String, Object> tree, Optional<String> uid) {
    String after = StatusPatcher.patch(before, vmName, tree, uid);
    List<Node> docsBefore = parse(before);
    List<Node> docsAfter = parse(after);
    int vm = vmIndex(docsAfter, vmName);

    Map<String, Object> statusData = constructed(entry(docsAfter.get(vm), "status").getValueNode());
    assertThat(normalize(statusData)).as("status read back").isEqualTo(normalize(tree));

    Optional<String> uidBefore = metadataUid(docsBefore.get(vm));
    Optional<String> uidAfter = metadataUid(docsAfter.get(vm));
    assertThat(uidAfter).as("uid").isEqualTo(uidBefore.isPresent() ? uidBefore : uid);

    List<int[]> spansBefore = statusSpans(before, docsBefore.get(vm));
    List<int[]> spansAfter = statusSpans(after, docsAfter.get(vm));
    if (uidBefore.isEmpty() && uid.isPresent()) {
      Node metadata = entry(docsAfter.get(vm), "metadata").getValueNode();
      spansAfter.add(entrySpan(after, entry(metadata, "uid"), isFlow(metadata)));
    }
    assertThat(without(after, spansAfter))
        .as("text outside the status block")
        .isEqualTo(without(before, spansBefore));

    assertThat(docsAfter).hasSameSizeAs(docsBefore);
    for (int i = 0; i < docsBefore.size(); i++) {
      if (i != vm) {
        assertThat(slice(after, docsAfter.get(i))).isEqualTo(slice(before, docsBefore.get(i)));
      }
    }

    assertThat(StatusPatcher.patch(after, vmName, tree, uid)).as("second patch").isSameAs(after);
    return after;
  }

  static List<Node> parse(String text) {
    List<Node> docs = new ArrayList<>();
    new Compose(SETTINGS).composeAllFromString(text).forEach(docs::add);
    return docs;
  }

  /** The document the patcher must have chosen: ours, a VM, and named so (any other shape not). */
  private static int vmIndex(List<Node> docs, String vmName) {
    for (int i = 0; i < docs.size(); i++) {
      Node doc = docs.get(i);
      NodeTuple metadata = entry(doc, "metadata");
      if (scalar(doc, "apiVersion").startsWith("ignite.weave.works/")
          && scalar(doc, "kind").equals("VM")
          && metadata != null
          && scalar(metadata.getValueNode(), "name").equals(vmName)) {
        return i;
      }
    }
    throw new AssertionError("no VM " + vmName);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> constructed(Node node) {
    return (Map<String, Object>)
        new StandardConstructor(SETTINGS).constructSingleDocument(Optional.of(node));
  }

  /** Integers of any width as Long, so that trees and parsed data compare. */
  static Object normalize(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(normalize(k), normalize(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(PatchProperties::normalize).toList();
    }
    if (value instanceof Integer i) {
      return i.longValue();
    }
    return value;
  }

  /** The uid as written; one that is not a scalar (the decoder refuses it) by its node type. */
  private static Optional<String> metadataUid(Node doc) {
    return Optional.ofNullable(metadataEntry(doc, "uid"))
        .map(
            t ->
                t.getValueNode() instanceof ScalarNode s
                    ? s.getValue()
                    : "(a " + t.getValueNode().getNodeType() + ")");
  }

  private static NodeTuple metadataEntry(Node doc, String key) {
    return entry(entry(doc, "metadata").getValueNode(), key);
  }

  /** The first entry of {@code key}, as the patcher reads a mapping; null if none. */
  private static NodeTuple entry(Node mapping, String key) {
    if (!(mapping instanceof MappingNode map)) {
      return null;
    }
    return map.getValue().stream()
        .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
        .findFirst()
        .orElse(null);
  }

  private static String scalar(Node mapping, String key) {
    NodeTuple t = entry(mapping, key);
    return t != null && t.getValueNode() instanceof ScalarNode s ? s.getValue() : "";
  }

  /** The status key (with the separator before it) and, apart, its value; empty if none. */
  private static List<int[]> statusSpans(String text, Node doc) {
    NodeTuple status = entry(doc, "status");
    List<int[]> spans = new ArrayList<>();
    if (status != null) {
      spans.add(keySpan(text, status.getKeyNode(), isFlow(doc)));
      spans.add(valueSpan(text, status.getValueNode()));
    }
    return spans;
  }

  private static int[] entrySpan(String text, NodeTuple entry, boolean flow) {
    int[] key = keySpan(text, entry.getKeyNode(), flow);
    return new int[] {key[0], valueSpan(text, entry.getValueNode())[1]};
  }

  /** From the separator before the key (comma, line break, indentation) to past the colon. */
  private static int[] keySpan(String text, Node key, boolean flow) {
    int start = backOverSeparator(text, at(text, key.getStartMark().get().getIndex()), flow);
    int colon = at(text, key.getEndMark().get().getIndex());
    while (text.charAt(colon) != ':') {
      colon++;
    }
    return new int[] {start, colon + 1};
  }

  private static int[] valueSpan(String text, Node value) {
    int start = at(text, value.getStartMark().get().getIndex());
    return new int[] {backOverSeparator(text, start, false), lastCharEnd(text, value)};
  }

  private static boolean isFlow(Node mapping) {
    return ((CollectionNode<?>) mapping).getFlowStyle() == FlowStyle.FLOW;
  }

  /** In a flow mapping the comma before an entry is part of it; in a block one it is text. */
  private static int backOverSeparator(String text, int pos, boolean flow) {
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
    // spaces before here belong to the separator only with a flow mapping's comma before them
    int j = i;
    while (j > 0 && text.charAt(j - 1) == ' ') {
      j--;
    }
    return flow && j > 0 && text.charAt(j - 1) == ',' ? j - 1 : i;
  }

  /** The end of the last character that belongs to the value, over all its descendants. */
  private static int lastCharEnd(String text, Node node) {
    if (node instanceof CollectionNode<?> c && c.getFlowStyle() == FlowStyle.BLOCK) {
      List<Node> children = new ArrayList<>();
      if (node instanceof MappingNode m) {
        m.getValue().forEach(t -> children.add(t.getValueNode()));
      } else {
        children.addAll(((SequenceNode) node).getValue());
      }
      return children.stream().mapToInt(n -> lastCharEnd(text, n)).max().orElseThrow();
    }
    int end = at(text, node.getEndMark().get().getIndex());
    if (node instanceof ScalarNode s
        && (s.getScalarStyle() == ScalarStyle.LITERAL
            || s.getScalarStyle() == ScalarStyle.FOLDED)) {
      while (Character.isWhitespace(text.charAt(end - 1))) {
        end--;
      }
    }
    return end;
  }

  private static String without(String text, List<int[]> spans) {
    StringBuilder out = new StringBuilder(text);
    spans.stream()
        .sorted(Comparator.comparingInt((int[] s) -> s[0]).reversed())
        .forEach(s -> out.delete(s[0], s[1]));
    return out.toString();
  }

  private static String slice(String text, Node doc) {
    return text.substring(
        at(text, doc.getStartMark().get().getIndex()), at(text, doc.getEndMark().get().getIndex()));
  }

  private static int at(String text, int codePoint) {
    return text.offsetByCodePoints(0, codePoint);
  }
}
