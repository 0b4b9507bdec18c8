package dev.ignite.adapters.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuestPathTest {
  @TempDir Path root;

  @Test
  void refusesRelativeAndUnnormalisedVmPaths() {
    for (String bad : new String[] {"etc/passwd", "/etc/../../x", "/etc//x", "/./etc", "/", ""}) {
      assertThatThrownBy(() -> GuestPath.validate(bad, "spec.copyFiles[0].vmPath"))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("spec.copyFiles[0].vmPath");
    }
  }

  @Test
  void refusesPathsLongerThanLinuxTakesAndWordsDebugfsCannotQuote() {
    String longName = "/" + "n".repeat(256);
    String longPath = ("/" + "p".repeat(200)).repeat(21);
    for (String bad : new String[] {longName, longPath, "/etc/a\"b", "/etc/a\nb", "/etc/a\u0000"}) {
      assertThatThrownBy(() -> GuestPath.validate(bad, "spec.copyFiles[0].vmPath"))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("spec.copyFiles[0].vmPath: ")
          .hasMessageNotContaining("\n");
    }
    assertThat(GuestPath.validate("/" + "n".repeat(255), "f")).hasSize(256);
  }

  @Test
  void followsAbsoluteLinksInsideTheTreeNotOnTheHost() throws IOException {
    Files.createDirectories(root.resolve("usr/lib"));
    Files.createSymbolicLink(root.resolve("lib"), Path.of("/usr/lib"));
    Files.createSymbolicLink(root.resolve("data"), Path.of("/../../../../etc"));

    assertThat(GuestPath.resolve(root, "/lib/modules")).isEqualTo(root.resolve("usr/lib/modules"));
    assertThat(GuestPath.resolve(root, "/data/passwd")).isEqualTo(root.resolve("etc/passwd"));
  }

  @Test
  void followsRelativeLinksButNeverAboveTheRoot() throws IOException {
    Files.createDirectories(root.resolve("usr/lib"));
    Files.createSymbolicLink(root.resolve("lib"), Path.of("usr/lib"));
    Files.createDirectories(root.resolve("opt"));
    Files.createSymbolicLink(root.resolve("opt/up"), Path.of("../../../../.."));

    assertThat(GuestPath.resolve(root, "/lib/x")).isEqualTo(root.resolve("usr/lib/x"));
    assertThat(GuestPath.resolve(root, "/opt/up/x")).isEqualTo(root.resolve("x"));
  }

  @Test
  void reportsALinkLoop() throws IOException {
    Files.createSymbolicLink(root.resolve("a"), Path.of("b"));
    Files.createSymbolicLink(root.resolve("b"), Path.of("a"));

    assertThatThrownBy(() -> GuestPath.resolve(root, "/a/file"))
        .hasMessageContaining("too many symbolic links");
  }
}
