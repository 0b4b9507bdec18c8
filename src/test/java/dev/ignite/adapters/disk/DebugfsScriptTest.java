package dev.ignite.adapters.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The script's text, checked without running debugfs (DebugfsInjectionIT runs it). */
class DebugfsScriptTest {
  @TempDir Path tmp;

  private DebugfsScript script() throws IOException {
    return new DebugfsScript(Files.createDirectories(tmp.resolve("image")));
  }

  @Test
  void aLinkTargetWithAQuoteOrLineBreakIsRefusedNamingTheLink() throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("tree"));
    for (String target : new String[] {"a\"b", "a\nrm \"/etc\"", "a\rb", "a\u007fb"}) {
      Path link = Files.createSymbolicLink(tree.resolve("link"), Path.of(target));

      assertThatThrownBy(() -> script().tree(tree, "/srv"))
          .as(target)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("cannot copy " + link)
          .hasMessageContaining("quote or control character");
      Files.delete(link);
    }
  }

  @Test
  void aFileNameThatIsNotTextIsRefused() throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("tree"));
    // Java cannot name such a file itself: it would read it back with a replacement character,
    // which names another file to debugfs.
    ProcessBuilder touch =
        new ProcessBuilder("sh", "-c", "touch \"$(printf 'a\\377')\"").directory(tree.toFile());
    assertThat(touch.start().waitFor()).isZero();

    assertThatThrownBy(() -> script().tree(tree, "/srv"))
        .hasMessageContaining("not valid text in the host's encoding");
  }

  @Test
  void aLineLongerThanDebugfsReadsAtOnceIsRefused() throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("tree"));
    // each at Linux's limit (4095 bytes), a link and its target make a line longer than 8190
    Files.createSymbolicLink(tree.resolve("link"), Path.of("x".repeat(4095)));
    String vmPath = ("/" + "z".repeat(254)).repeat(16);
    vmPath += "/" + "z".repeat(4095 - vmPath.length() - "/link".length() - 1);
    String base = vmPath;
    DebugfsScript script = script();

    assertThatThrownBy(() -> script.tree(tree, base))
        .hasMessageContaining("longer than the 8190 bytes debugfs reads as one line");
  }

  @Test
  void everyWordIsQuotedOnALineOfItsOwn() throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("tree"));
    Files.createDirectories(tree.resolve("sub"));
    Path file = Files.writeString(tree.resolve("sub/file with blanks"), "x");
    Files.createSymbolicLink(tree.resolve("link"), Path.of("../elsewhere"));
    DebugfsScript script = script();

    script.tree(tree, "/srv");

    String text = script.text();
    assertThat(text).contains("write \"" + file + "\" \"/srv/sub/file with blanks\"\n");
    assertThat(text).contains("symlink \"/srv/link\" \"../elsewhere\"\n");
    for (String line : text.split("\n")) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(8190);
      assertThat(line).matches("[a-z]+( \"[^\"]*\")+");
    }
  }
}
