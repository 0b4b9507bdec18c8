package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Jackson's streaming parser is the oracle: the same documents must give the same tokens. */
class JsonReaderTest {
  private static final JsonFactory JACKSON = new JsonFactory();

  @Test
  void readsWhatJacksonReadsTokenByToken() throws IOException {
    List<String> docs =
        new ArrayList<>(
            List.of(
                "{}",
                "[]",
                " {\"a\" : [1, -2, 3.5, 1e3, -0, 0.25E-2, true, false, null, \"x\"]}\n",
                "{\"schemaVersion\":2,\"config\":{\"digest\":\"sha256:ab\",\"size\":284},"
                    + "\"layers\":[{\"size\":3095833}],\"annotations\":{}}",
                "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00e9\\ud83d\\ude00\"",
                "\"caf\u00e9 \u6f22\u5b57 \ud83d\ude00\"",
                "[[[[]]],{\"\":{}}]",
                "9223372036854775807",
                "-9223372036854775808",
                "{\"a\":{\"b\":{\"c\":[{\"d\":null}]}}}"));
    Random random = new Random(7);
    for (int i = 0; i < 2000; i++) {
      docs.add(randomValue(random, 0));
    }
    for (String doc : docs) {
      assertThat(ours(doc)).as(doc).isEqualTo(jackson(doc));
    }
  }

  @Test
  void refusesWhatJacksonRefuses() {
    List<String> bad =
        List.of(
            "{",
            "[1,]",
            "[,1]",
            "{\"a\":1,}",
            "{\"a\" 1}",
            "{\"a\":}",
            "{a:1}",
            "[01]",
            "[1.]",
            "[.5]",
            "[1e]",
            "[-]",
            "[tru]",
            "[nul]",
            "\"\\x\"",
            "\"\\u12\"",
            "\"a\u0001b\"",
            "\"open",
            "[1 2]",
            "{\"a\":1 \"b\":2}",
            "[99999999999999999999]");
    for (String doc : bad) {
      assertThatThrownBy(() -> jackson(doc)).as("jackson: " + doc).isInstanceOf(IOException.class);
      assertThatThrownBy(() -> ours(doc)).as("ours: " + doc).isInstanceOf(IOException.class);
    }
  }

  @Test
  void refusesTextAfterTheDocument() {
    assertThatThrownBy(() -> ours("{} x"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("after the document");
    assertThatThrownBy(() -> ours("{}{}")).isInstanceOf(IOException.class);
  }

  @Test
  void capsNestingSoHostileInputCannotExhaustTheStack() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    assertThatThrownBy(() -> ours(deep))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("nested more than");
  }

  @Test
  void errorsNameLineAndColumn() {
    assertThatThrownBy(() -> ours("{\n  \"a\": [1,\n   ]\n}"))
        .hasMessageContaining("line 3, column 4");
  }

  @Test
  void skipChildrenSkipsAWholeValue() throws IOException {
    JsonReader r = new JsonReader(bytes("{\"skip\":{\"x\":[1,{\"y\":2}]},\"keep\":\"v\"}"));
    r.next();
    r.next();
    assertThat(r.currentName()).isEqualTo("skip");
    r.next();
    r.skipChildren();
    assertThat(r.current()).isEqualTo(JsonReader.Token.END_OBJECT);
    r.next();
    assertThat(r.currentName()).isEqualTo("keep");
    r.next();
    assertThat(r.text()).isEqualTo("v");
  }

  private static List<String> ours(String doc) throws IOException {
    List<String> tokens = new ArrayList<>();
    JsonReader r = new JsonReader(bytes(doc));
    for (JsonReader.Token t; (t = r.next()) != null; ) {
      tokens.add(
          switch (t) {
            case FIELD_NAME -> "name:" + r.currentName();
            case STRING -> "string:" + r.text();
            case NUMBER_INT -> "int:" + r.longValue();
            case NUMBER_FLOAT -> "float:" + Double.parseDouble(r.text());
            default -> t.name();
          });
    }
    return tokens;
  }

  private static List<String> jackson(String doc) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (JsonParser p = JACKSON.createParser(bytes(doc))) {
      for (JsonToken t; (t = p.nextToken()) != null; ) {
        tokens.add(
            switch (t) {
              case FIELD_NAME -> "name:" + p.currentName();
              case VALUE_STRING -> "string:" + p.getText();
              case VALUE_NUMBER_INT -> "int:" + p.getLongValue();
              case VALUE_NUMBER_FLOAT -> "float:" + p.getDoubleValue();
              case START_OBJECT, END_OBJECT, START_ARRAY, END_ARRAY -> t.name();
              case VALUE_TRUE -> "TRUE";
              case VALUE_FALSE -> "FALSE";
              case VALUE_NULL -> "NULL";
              default -> throw new IOException("unexpected " + t);
            });
      }
    }
    return tokens;
  }

  private static String randomValue(Random random, int depth) {
    int kind = random.nextInt(depth > 4 ? 5 : 7);
    switch (kind) {
      case 0:
        return Long.toString(random.nextLong() >> random.nextInt(64));
      case 1:
        return random.nextInt(1000) + "." + random.nextInt(1000) + "e-" + random.nextInt(5);
      case 2:
        return randomString(random);
      case 3:
        return List.of("true", "false", "null").get(random.nextInt(3));
      case 4:
        return randomString(random);
      case 5:
        {
          StringBuilder s = new StringBuilder("[");
          for (int n = random.nextInt(4); n > 0; n--) {
            s.append(randomValue(random, depth + 1)).append(n > 1 ? ", " : "");
          }
          return s.append(']').toString();
        }
      default:
        {
          StringBuilder s = new StringBuilder("{\n");
          for (int n = random.nextInt(4); n > 0; n--) {
            s.append(randomString(random)).append(':').append(randomValue(random, depth + 1));
            s.append(n > 1 ? ",\t" : "");
          }
          return s.append('}').toString();
        }
    }
  }

  private static String randomString(Random random) {
    String[] parts = {"a", "Z", "\\n", "\\\"", "\\u00e9", "\u00e9", "\u6f22", "\\\\", " ", "\\/"};
    StringBuilder s = new StringBuilder("\"");
    for (int n = random.nextInt(6); n > 0; n--) {
      s.append(parts[random.nextInt(parts.length)]);
    }
    return s.append('"').toString();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
