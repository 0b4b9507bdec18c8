package dev.ignite.adapters.oci;

import dev.ignite.adapters.oci.JsonReader.Token;
import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading registry and image JSON with our own pull reader ({@link JsonReader}): Jackson's data
 * binding (~100 ms of class loading in a fresh JVM), and then its streaming parser (~6 ms), were
 * what the CLI could not afford per import. Unknown fields are skipped, so newer documents still
 * read.
 */
final class Json {
  /** Reads one field's value; the parser stands on the value's first token. */
  interface Field {
    /** Returns false when the field is not wanted, so the caller skips its value. */
    boolean read(String name, JsonReader p) throws IOException;
  }

  /** Reads one element of an array; the parser stands on the element's first token. */
  interface Element<T> {
    T read(JsonReader p, int index) throws IOException;
  }

  /** Reads a whole document; the parser stands on its first token. */
  interface Document<T> {
    T read(JsonReader p) throws IOException;
  }

  private Json() {}

  static <T> T parse(byte[] json, String where, Document<T> document) {
    if (new String(json, StandardCharsets.ISO_8859_1).isBlank()) {
      throw new ImageException(where + ": empty document, expected JSON");
    }
    try {
      JsonReader p = new JsonReader(json);
      p.next();
      T value = document.read(p);
      while (p.next() != null) {
        // what a document reader did not read must still be JSON, and nothing may follow it
      }
      return value;
    } catch (IOException e) {
      throw new ImageException(where + ": not valid JSON: " + e.getMessage(), e);
    }
  }

  static void object(JsonReader p, String where, Field field) throws IOException {
    require(p, Token.START_OBJECT, where);
    while (p.next() == Token.FIELD_NAME) {
      String name = p.currentName();
      p.next();
      if (!field.read(name, p)) {
        p.skipChildren();
      }
    }
  }

  /** The elements of an array; JSON {@code null} reads as an empty list. */
  static <T> List<T> array(JsonReader p, String where, Element<T> element) throws IOException {
    List<T> out = new ArrayList<>();
    if (p.current() == Token.NULL) {
      return out;
    }
    require(p, Token.START_ARRAY, where);
    while (p.next() != Token.END_ARRAY) {
      out.add(element.read(p, out.size()));
    }
    return out;
  }

  /** A string value, or null for JSON {@code null}. */
  static String text(JsonReader p, String where) throws IOException {
    if (p.current() == Token.NULL) {
      return null;
    }
    require(p, Token.STRING, where);
    return p.text();
  }

  static long number(JsonReader p, String where) throws IOException {
    require(p, Token.NUMBER_INT, where);
    return p.longValue();
  }

  /** An object of string values (annotations); values of other types are skipped. */
  static Map<String, String> strings(JsonReader p, String where) throws IOException {
    Map<String, String> out = new HashMap<>();
    if (p.current() == Token.NULL) {
      return out;
    }
    object(
        p,
        where,
        (name, v) -> {
          if (v.current() != Token.STRING) {
            return false;
          }
          out.put(name, v.text());
          return true;
        });
    return out;
  }

  private static void require(JsonReader p, Token want, String where) {
    if (p.current() != want) {
      throw new ImageException(
          where + ": expected " + describe(want) + " but found " + describe(p.current()));
    }
  }

  private static String describe(Token t) {
    if (t == null) {
      return "end of document";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER_INT -> "an integer";
      case NUMBER_FLOAT -> "a number with a fraction";
      case TRUE -> "'true'";
      case FALSE -> "'false'";
      case NULL -> "'null'";
      default -> t.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
