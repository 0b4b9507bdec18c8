package dev.ignite.adapters.oci.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reading registry and image JSON (manifests, indexes, token answers, config.json) with
 * jackson-core's streaming parser, field by field into our records. Input is untrusted and small:
 * documents are capped by their readers before they get here, nesting at 64, strings at 1 MiB; a
 * field given twice is refused (two readers could take different ones), so is anything after the
 * document. Unknown fields are skipped, so newer documents still read. Errors name the document,
 * the field and, for broken JSON, the line and column.
 */
public final class Json {
  /** Reads one field's value; the parser stands on the value's first token. */
  public interface Field {
    /** Returns false when the field is not wanted, so the caller skips its value. */
    boolean read(String name, JsonParser p) throws IOException;
  }

  /** Reads one element of an array; the parser stands on the element's first token. */
  public interface Element<T> {
    T read(JsonParser p, int index) throws IOException;
  }

  /** Reads a whole document; the parser stands on its first token. */
  public interface Document<T> {
    T read(JsonParser p) throws IOException;
  }

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(64)
                  .maxStringLength(1 << 20)
                  .maxNumberLength(64)
                  .build())
          .build();

  private Json() {}

  public static <T> T parse(byte[] json, String where, Document<T> document) {
    if (new String(json, StandardCharsets.ISO_8859_1).isBlank()) {
      throw new ImageException(where + ": empty document, expected JSON");
    }
    try (JsonParser p = FACTORY.createParser(json)) {
      p.nextToken();
      T value = document.read(p);
      if (p.nextToken() != null) {
        throw new ImageException(where + ": not valid JSON: text after the document" + at(p));
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new ImageException(
          where + ": not valid JSON: " + e.getOriginalMessage() + at(e.getLocation()), e);
    } catch (IOException e) {
      throw new ImageException(where + ": " + e.getMessage(), e);
    }
  }

  public static void object(JsonParser p, String where, Field field) throws IOException {
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
  public static <T> List<T> array(JsonParser p, String where, Element<T> element)
      throws IOException {
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
  public static String text(JsonParser p, String where) throws IOException {
    if (p.currentToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    require(p, JsonToken.VALUE_STRING, where);
    return p.getText();
  }

  static long number(JsonParser p, String where) throws IOException {
    require(p, JsonToken.VALUE_NUMBER_INT, where);
    if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw new ImageException(where + ": number " + p.getText() + " is too large");
    }
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

  private static String at(JsonParser p) {
    return at(p.currentTokenLocation());
  }

  private static String at(JsonLocation l) {
    return l == null || l.getLineNr() < 1
        ? ""
        : " at line " + l.getLineNr() + ", column " + l.getColumnNr();
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
      case VALUE_NUMBER_FLOAT -> "a number with a fraction";
      case VALUE_TRUE -> "'true'";
      case VALUE_FALSE -> "'false'";
      case VALUE_NULL -> "'null'";
      default -> t.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
