package dev.ignite.api.codec;

import dev.ignite.api.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads the fields of one YAML mapping, strictly: each read marks its key as known, and {@link
 * #finish} reports the keys nobody read as unknown fields. A null value reads as absent, as in
 * Kubernetes. Problems are recorded, never thrown, so one pass finds every error.
 */
final class Fields {
  private final List<NodeTuple> tuples;
  private final boolean[] used;
  private final String path;
  private final Node anchor;
  private final Problems problems;

  private Fields(List<NodeTuple> tuples, String path, Node anchor, Problems problems) {
    this.tuples = tuples;
    this.used = new boolean[tuples.size()];
    this.path = path;
    this.anchor = anchor;
    this.problems = problems;
  }

  /** {@code anchor} is where "missing field" errors point: the parent's key, or the node. */
  static Fields of(Node node, String path, Node anchor, Problems problems) {
    if (node instanceof MappingNode m) {
      return new Fields(m.getValue(), path, anchor, problems);
    }
    problems.at(node, path, "want a mapping (key: value), got " + Scalars.describe(node));
    return new Fields(List.of(), path, anchor, problems);
  }

  String path() {
    return path;
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  Problems problems() {
    return problems;
  }

  /** The value node of {@code key}, or null when absent or written as null. */
  Node take(String key) {
    for (int i = 0; i < tuples.size(); i++) {
      Node k = tuples.get(i).getKeyNode();
      if (k instanceof ScalarNode s && s.getValue().equals(key)) {
        used[i] = true;
        Node v = tuples.get(i).getValueNode();
        return Scalars.isNull(v) ? null : v;
      }
    }
    return null;
  }

  /** The value of {@code key} as text, without marking it read; null unless a scalar. */
  String peek(String key) {
    for (NodeTuple t : tuples) {
      if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
        return t.getValueNode() instanceof ScalarNode v && !Scalars.isNull(v) ? v.getValue() : null;
      }
    }
    return null;
  }

  void error(Node at, String key, String message) {
    problems.at(at, pathOf(key), message);
  }

  void missing(String key, String hint) {
    problems.at(anchor, pathOf(key), "missing field (" + hint + ")");
  }

  String string(String key) {
    Node v = take(key);
    return v == null ? null : stringOf(v, key);
  }

  /** A string that must not be empty when written. */
  String nonEmpty(String key) {
    Node v = take(key);
    String s = v == null ? null : stringOf(v, key);
    if (s != null && s.isEmpty()) {
      error(v, key, "must not be empty");
      return null;
    }
    return s;
  }

  private String stringOf(Node v, String key) {
    if (v instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
      return s.getValue();
    }
    error(v, key, "want a string, got " + Scalars.describe(v) + Scalars.quoteHint(v));
    return null;
  }

  /** Any scalar as written: ids that YAML would read as numbers keep their text. */
  String text(String key) {
    Node v = take(key);
    if (v == null) {
      return null;
    }
    if (v instanceof ScalarNode s && !s.getTag().equals(Tag.BOOL)) {
      return s.getValue();
    }
    error(v, key, "want a string, got " + Scalars.describe(v));
    return null;
  }

  Integer integer(String key) {
    Node v = take(key);
    return v == null ? null : intOf(v, key);
  }

  /** An integer in [min, max]; {@code range} explains the bounds in the error. */
  Integer integerIn(String key, int min, int max, String range) {
    Node v = take(key);
    Integer i = v == null ? null : intOf(v, key);
    if (i != null && (i < min || i > max)) {
      error(v, key, i + " is out of range: " + range);
      return null;
    }
    return i;
  }

  private Integer intOf(Node v, String key) {
    if (v instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
      try {
        return Integer.valueOf(s.getValue());
      } catch (NumberFormatException e) {
        error(v, key, "number " + s.getValue() + " is out of range");
        return null;
      }
    }
    error(v, key, "want an integer, got " + Scalars.describe(v));
    return null;
  }

  Boolean bool(String key) {
    Node v = take(key);
    if (v == null) {
      return null;
    }
    if (v instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
      return Scalars.bool(s);
    }
    error(v, key, "want true or false, got " + Scalars.describe(v));
    return null;
  }

  Size size(String key) {
    Node v = take(key);
    if (v == null) {
      return null;
    }
    if (v instanceof ScalarNode s && !s.getTag().equals(Tag.BOOL)) {
      try {
        return s.getTag().equals(Tag.INT)
            ? Size.ofBytes(Long.parseLong(s.getValue()))
            : Size.parse(s.getValue());
      } catch (IllegalArgumentException e) {
        error(v, key, e.getMessage());
        return null;
      }
    }
    error(v, key, "want a size like 800MB, got " + Scalars.describe(v));
    return null;
  }

  /** An RFC 3339 timestamp such as 2026-11-25T20:00:00Z. */
  Instant time(String key) {
    Node v = take(key);
    if (v == null) {
      return null;
    }
    if (v instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
      try {
        return OffsetDateTime.parse(s.getValue()).toInstant();
      } catch (DateTimeParseException e) {
        // reported below with the expected form
      }
    }
    error(v, key, "want an RFC 3339 time like 2026-11-25T20:00:00Z, got " + Scalars.describe(v));
    return null;
  }

  /** The mapping under {@code key}, or null when absent. */
  Fields object(String key) {
    Node v = take(key);
    return v == null ? null : Fields.of(v, pathOf(key), keyNode(key), problems);
  }

  /** The mappings of the list under {@code key}, or null when absent. */
  List<Fields> objects(String key) {
    List<Node> items = list(key);
    if (items == null) {
      return null;
    }
    List<Fields> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      out.add(Fields.of(item, pathOf(key) + "[" + i + "]", item, problems));
    }
    return out;
  }

  List<String> strings(String key) {
    List<Node> items = list(key);
    if (items == null) {
      return null;
    }
    List<String> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Node item = items.get(i);
      if (item instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
        out.add(s.getValue());
      } else {
        problems.at(
            item,
            pathOf(key) + "[" + i + "]",
            "want a string, got " + Scalars.describe(item) + Scalars.quoteHint(item));
      }
    }
    return out;
  }

  /** A mapping of string to string, such as labels. */
  Map<String, String> stringMap(String key) {
    Fields map = object(key);
    if (map == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (NodeTuple t : map.tuples) {
      if (t.getKeyNode() instanceof ScalarNode k && !out.containsKey(k.getValue())) {
        String value = map.string(k.getValue());
        if (value != null) {
          out.put(k.getValue(), value);
        }
      }
    }
    map.finish();
    return out;
  }

  private List<Node> list(String key) {
    Node v = take(key);
    if (v == null) {
      return null;
    }
    if (v instanceof SequenceNode s) {
      return s.getValue();
    }
    error(v, key, "want a list, got " + Scalars.describe(v));
    return null;
  }

  private Node keyNode(String key) {
    for (NodeTuple t : tuples) {
      if (t.getKeyNode() instanceof ScalarNode s && s.getValue().equals(key)) {
        return t.getKeyNode();
      }
    }
    return anchor;
  }

  /** Reports keys that no reader asked for, and keys written twice. */
  void finish() {
    Set<String> seen = tuples.size() > 1 ? new HashSet<>() : null;
    for (int i = 0; i < tuples.size(); i++) {
      Node k = tuples.get(i).getKeyNode();
      if (!(k instanceof ScalarNode s)) {
        problems.at(k, path, "keys must be strings, got " + Scalars.describe(k));
        continue;
      }
      if (seen != null && !seen.add(s.getValue())) {
        problems.at(k, pathOf(s.getValue()), "duplicate field");
      } else if (!used[i]) {
        problems.at(k, pathOf(s.getValue()), "unknown field");
      }
    }
  }
}
