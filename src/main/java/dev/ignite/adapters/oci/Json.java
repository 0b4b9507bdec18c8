package dev.ignite.adapters.oci;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading registry and image JSON with jackson-core's streaming parser only: data binding (and its
 * start-up, ~100 ms of class loading in a fresh JVM) is what the CLI cannot afford per import.
 * Unknown fields are skipped, so newer documents still read.
 */
final class Json {
  /** Reads one field's value; the parser stands on the value's first token. */
  interface Field {
    /** Returns false when the field is not wanted, so the caller skips its value. */
    boolean read(String name, JsonParser p) throws IOException;
  }

  /** Reads one element of an array; the parser stands on the element's first token. */
  interface Element<T> {
    T read(JsonParser p, int index) throws IOException;
  }

  /** Reads a whole document; the parser stands on its first token. */
  interface Document<T> {
    T read(JsonParser p) throws IOException;
  }

  private static final JsonFactory FACTORY = new JsonFactory();

  private Json() {}

  static <T> T parse(byte[] json, String where, Document<T> document) {
    try (JsonParser p = FACTORY.createParser(json)) {
      if (p.nextToken() == null) {
        throw new ImageException(where + ": empty document, expected JSON");
      }
      return document.read(p);
    } catch (JsonProcessingException e) {
      throw new ImageException(where + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void object(JsonParser p, String where, Field field) throws IOException {
    require(p, JsonToken.START_OBJECT, where);
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      if (!field.read(name, p)) {
        p.skipChildren();
      }
    }
  }

  /** The elements of an array; JSON {@code null} reads as an empty list. */
  static <T> List<T> array(JsonParser p, String where, Element<T> element) throws IOException {
    List<T> out = new ArrayList<>();
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return out;
    }
    require(p, JsonToken.START_ARRAY, where);
    while (p.nextToken() != JsonToken.END_ARRAY) {
      out.add(element.read(p, out.size()));
    }
    return out;
  }

  /** A string value, or null for JSON {@code null}. */
  static String text(JsonParser p, String where) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    require(p, JsonToken.VALUE_STRING, where);
    return p.getText();
  }

  static long number(JsonParser p, String where) throws IOException {
    require(p, JsonToken.VALUE_NUMBER_INT, where);
    return p.getLongValue();
  }

  /** An object of string values (annotations); values of other types are skipped. */
  static Map<String, String> strings(JsonParser p, String where) throws IOException {
    Map<String, String> out = new HashMap<>();
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return out;
    }
    object(
        p,
        where,
        (name, v) -> {
          if (v.currentToken() != JsonToken.VALUE_STRING) {
            return false;
          }
          out.put(name, v.getText());
          return true;
        });
    return out;
  }

  private static void require(JsonParser p, JsonToken want, String where) {
    if (p.currentToken() != want) {
      throw new ImageException(
          where + ": expected " + describe(want) + " but found " + describe(p.currentToken()));
    }
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "end of document";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      default -> t.asString() == null ? t.name().toLowerCase() : "'" + t.asString() + "'";
    };
  }
}
