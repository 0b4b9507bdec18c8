package dev.ignite.api.codec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random status trees, tricky strings included, patched into every corpus file. */
class StatusPatcherRoundTripTest {
  private static final List<String> TRICKY =
      List.of(
          "yes",
          "No",
          "on",
          "OFF",
          "y",
          "n",
          "null",
          "Null",
          "~",
          "true",
          "False",
          "123",
          "-7",
          "0x1F",
          "0o17",
          "017",
          "1_000",
          "1e5",
          ".5",
          ".inf",
          "-.Inf",
          ".NaN",
          "1:20",
          "a: b",
          "#x",
          "a #b",
          "x#y",
          "",
          " ",
          " lead",
          "trail ",
          "- item",
          "? q",
          "[a]",
          "{a}",
          "a, b",
          "*alias",
          "&anchor",
          "!tag",
          "|",
          ">",
          "%pct",
          "@at",
          "`tick`",
          "'single'",
          "\"double\"",
          "back\\slash",
          "line\nbreak",
          "tab\there",
          "cr\rlf",
          "---",
          "...",
          "=",
          "<<",
          "2026-11-02",
          "2026-11-02T10:15:30Z",
          "10.0.2.15",
          "café ☕",
          "日本語",
          "😀 emoji",
          "\u0085nel",
          "\u2028ls",
          "\u00a0nbsp",
          "\ufeffbom",
          "bell\u0007",
          "del\u007f",
          "True");

  private final Random random = new Random(20261102L);

  @Test
  void randomStatusTreesRoundTripThroughEveryCorpusFile() {
    List<Path> files = PatchCorpus.files();
    List<String> texts = files.stream().map(PatchCorpus::read).toList();
    for (int i = 0; i < 300; i++) {
      String text = texts.get(i % texts.size());
      Map<String, Object> tree = randomMap(0);
      Optional<String> uid = random.nextBoolean() ? Optional.of(word()) : Optional.empty();
      try {
        String once = PatchProperties.patchAndCheck(text, PatchCorpus.VM, tree, uid);
        PatchProperties.patchAndCheck(once, PatchCorpus.VM, randomMap(0), Optional.empty());
      } catch (AssertionError | RuntimeException e) {
        throw new AssertionError(
            "iteration " + i + ", file " + files.get(i % files.size()) + ", tree " + tree, e);
      }
    }
  }

  private Map<String, Object> randomMap(int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    int size = random.nextInt(depth == 0 ? 6 : 4);
    for (int i = 0; i < size; i++) {
      map.put(random.nextInt(5) == 0 ? string() : word(), value(depth + 1));
    }
    return map;
  }

  private List<Object> randomList(int depth) {
    List<Object> list = new ArrayList<>();
    int size = random.nextInt(4);
    for (int i = 0; i < size; i++) {
      list.add(value(depth + 1));
    }
    return list;
  }

  private Object value(int depth) {
    int kind = random.nextInt(depth > 3 ? 4 : 6);
    return switch (kind) {
      case 0 -> string();
      case 1 -> random.nextBoolean();
      case 2 -> random.nextBoolean() ? (Object) random.nextLong() : (Object) random.nextInt(100);
      case 3 -> string();
      case 4 -> randomMap(depth);
      default -> randomList(depth);
    };
  }

  private String string() {
    return switch (random.nextInt(3)) {
      case 0 -> TRICKY.get(random.nextInt(TRICKY.size()));
      case 1 -> word();
      default -> unicode();
    };
  }

  private String word() {
    String letters = "abcdefghijklmnopqrstuvwxyz0123456789-";
    StringBuilder out = new StringBuilder();
    int length = 1 + random.nextInt(10);
    for (int i = 0; i < length; i++) {
      out.append(letters.charAt(random.nextInt(letters.length())));
    }
    return out.toString();
  }

  /** Any valid code points, control characters and astral planes included. */
  private String unicode() {
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(8);
    while (out.codePointCount(0, out.length()) < length) {
      int cp = random.nextInt(4) == 0 ? random.nextInt(0x80) : random.nextInt(0x30000);
      if (Character.isValidCodePoint(cp) && Character.getType(cp) != Character.SURROGATE) {
        out.appendCodePoint(cp);
      }
    }
    return out.toString();
  }
}
