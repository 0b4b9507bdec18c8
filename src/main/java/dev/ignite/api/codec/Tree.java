package dev.ignite.api.codec;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** An ordered map under construction that leaves out what was not set. */
final class Tree {
  private final Map<String, Object> map = new LinkedHashMap<>();

  Tree put(String key, Object value) {
    if (value instanceof Instant i) {
      map.put(key, i.toString()); // RFC 3339 in UTC, as Kubernetes writes times
    } else if (value instanceof dev.ignite.api.Size s) {
      map.put(key, s.toString());
    } else if (value != null) {
      map.put(key, value);
    }
    return this;
  }

  /** Maps such as labels are written sorted, so the same object always gives the same text. */
  Tree putSorted(String key, Map<String, String> values) {
    if (values != null && !values.isEmpty()) {
      map.put(key, new TreeMap<>(values));
    }
    return this;
  }

  /** Nested blocks are left out when nothing in them was set. */
  Tree putTree(String key, Tree child) {
    if (child != null && !child.map.isEmpty()) {
      map.put(key, child.map);
    }
    return this;
  }

  /** Like putTree, but an empty block is still written because it means something. */
  Tree putTreeAlways(String key, Tree child) {
    if (child != null) {
      map.put(key, child.map);
    }
    return this;
  }

  Map<String, Object> map() {
    return map;
  }
}
