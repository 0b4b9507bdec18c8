package dev.ignite.api.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Compares a status as written in the file with a new status tree, as data: {@code running: true}
 * equals Boolean.TRUE, {@code 5} equals 5L, key order does not matter, and {@code id: 1234} (a
 * number to YAML) differs from the string "1234".
 */
final class StatusComparison {
  private StatusComparison() {}

  static boolean sameAs(Node written, Map<String, Object> tree) {
    Object data;
    try {
      data =
          new StandardConstructor(StatusDocumentLocator.settings())
              .constructSingleDocument(Optional.of(written));
    } catch (YamlEngineException e) {
      // duplicate keys or an unknown tag: not our status, so it is rewritten
      return false;
    }
    return Objects.equals(normalize(data), normalize(tree));
  }

  /** Numbers of any width become BigInteger or BigDecimal so that 5 and 5L compare equal. */
  static Object normalize(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(normalize(k), normalize(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(StatusComparison::normalize).toList();
    }
    if (value instanceof Byte
        || value instanceof Short
        || value instanceof Integer
        || value instanceof Long) {
      return BigInteger.valueOf(((Number) value).longValue());
    }
    if (value instanceof Float || value instanceof Double) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? new BigDecimal(d).stripTrailingZeros() : value;
    }
    return value;
  }
}
