package dev.ignite.adapters.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class GuestPathsTest {

  @Test
  void splitsParentAndName() {
    assertThat(GuestPaths.parent("/root/file.txt")).isEqualTo("/root");
    assertThat(GuestPaths.name("/root/file.txt")).isEqualTo("file.txt");
    assertThat(GuestPaths.parent("/etc/")).isEqualTo("/");
    assertThat(GuestPaths.name("/etc/")).isEqualTo("etc");
    assertThat(GuestPaths.parent("relative")).isEqualTo(".");
  }

  @Test
  void joinsWithoutDoubleSlashes() {
    assertThat(GuestPaths.child("/", "tmp")).isEqualTo("/tmp");
    assertThat(GuestPaths.child("/tmp/", "x")).isEqualTo("/tmp/x");
  }

  @Test
  void convertsModesBothWays() {
    assertThat(PosixFilePermissions.toString(GuestPaths.permissions(0100750)))
        .isEqualTo("rwxr-x---");
    assertThat(GuestPaths.mode(PosixFilePermissions.fromString("rw-r--r--"))).isEqualTo(0644);
  }
}
