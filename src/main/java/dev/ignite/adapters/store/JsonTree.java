package dev.ignite.adapters.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ignite.api.codec.ManifestDecoder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses JSON into plain maps, lists, strings, longs and booleans with Jackson's streaming core.
 * Nesting deeper than the codec's limit is refused at its line and column: this reader recurses
 * once per level, and a state file is input a local user or a broken disk may have shaped.
 */
final class JsonTree {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonTree() {}

  static Object parse(String text) throws IOException {
    try (JsonParser p = FACTORY.createParser(text)) {
      Object value = value(p, p.nextToken(), 0);
      if (p.nextToken() != null) {
        throw new IOException("trailing content after the JSON value");
      }
      return value;
    }
  }

  private static Object value(JsonParser p, JsonToken t, int depth) throws IOException {
    if (t == null) {
      throw new IOException("empty document");
    }
    if ((t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY)
        && depth == ManifestDecoder.MAX_NESTING) {
      JsonLocation at = p.currentTokenLocation();
      throw new IOException(
          "line "
              + at.getLineNr()
              + ", column "
              + at.getColumnNr()
              + ": nested more than "
              + ManifestDecoder.MAX_NESTING
              + " levels deep");
    }
    return switch (t) {
      case START_OBJECT -> object(p, depth + 1);
      case START_ARRAY -> array(p, depth + 1);
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getLongValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected " + t);
    };
  }

  private static Map<String, Object> object(JsonParser p, int depth) throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      if (m.put(key, value(p, p.nextToken(), depth)) != null) {
        throw new IOException("duplicate key " + key);
      }
    }
    return m;
  }

  private static List<Object> array(JsonParser p, int depth) throws IOException {
    List<Object> l = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      l.add(value(p, t, depth));
    }
    return l;
  }
}
