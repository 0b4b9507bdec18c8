package dev.ignite.adapters.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalTreeTest {
  private static final Set<PosixFilePermission> RW = PosixFilePermissions.fromString("rw-r--r--");
  private static final Set<PosixFilePermission> RWX = PosixFilePermissions.fromString("rwxr-xr-x");
  @TempDir Path dir;

  @Test
  void placesTheCopyAtItsDestinationOnFinish() throws Exception {
    Path target = dir.resolve("copy");
    try (LocalTree tree = new LocalTree(target)) {
      tree.directory("", RWX);
      tree.file("a.txt", bytes("a"), RW);
      assertThat(target).doesNotExist();
      tree.finish();
    }
    assertThat(target.resolve("a.txt")).hasContent("a");
    assertThat(dir).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("."));
  }

  @Test
  void refusesNamesThatClimbOut() throws Exception {
    try (LocalTree tree = new LocalTree(dir.resolve("copy"))) {
      tree.directory("", RWX);
      assertThatThrownBy(() -> tree.file("../escaped", bytes("x"), RW))
          .hasMessageContaining("climbs out");
      assertThatThrownBy(() -> tree.file("sub/../../escaped", bytes("x"), RW))
          .hasMessageContaining("climbs out");
    }
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void neverWritesThroughASymlinkTheGuestSent() throws Exception {
    Path outside = Files.createDirectory(dir.resolve("outside"));
    try (LocalTree tree = new LocalTree(dir.resolve("copy"))) {
      tree.directory("", RWX);
      tree.symlink("evil", outside.toString());
      assertThatThrownBy(() -> tree.file("evil/passwd", bytes("root::0:0"), RW))
          .hasMessageContaining("passes a symlink");
      assertThatThrownBy(() -> tree.file("evil", bytes("overwrite"), RW))
          .isInstanceOf(IOException.class);
    }
    assertThat(outside).isEmptyDirectory();
  }

  @Test
  void aFolderReplacedByALinkKeepsItsQueuedModeToItself() throws Exception {
    Path outside = Files.createDirectory(dir.resolve("outside"));
    Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rwx------"));
    try (LocalTree tree = new LocalTree(dir.resolve("copy"))) {
      tree.directory("", RWX);
      tree.directory("item", RWX);
      tree.directory("item/x", PosixFilePermissions.fromString("rwxrwxrwx"));
      tree.symlink("item/x", outside.toString());
      tree.finish();
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outside)))
        .isEqualTo("rwx------");
    assertThat(Files.readSymbolicLink(dir.resolve("copy/item/x"))).isEqualTo(outside);
  }

  @Test
  void aFileReplacedByALinkIsNotWrittenThrough() throws Exception {
    Path outside = Files.writeString(dir.resolve("outside"), "host");
    Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-------"));
    try (LocalTree tree = new LocalTree(dir.resolve("copy"))) {
      tree.directory("", RWX);
      tree.file("f", bytes("guest"), RW);
      tree.symlink("f", outside.toString());
      assertThatThrownBy(() -> tree.file("f", bytes("overwrite"), RW))
          .isInstanceOf(IOException.class);
      assertThatThrownBy(() -> tree.directory("f", RWX)).isInstanceOf(IOException.class);
      tree.finish();
    }
    assertThat(outside).hasContent("host");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(outside)))
        .isEqualTo("rw-------");
  }

  @Test
  void hardLinksMayOnlyNameFilesInsideTheCopy() throws Exception {
    try (LocalTree tree = new LocalTree(dir.resolve("copy"))) {
      tree.directory("", RWX);
      tree.file("real", bytes("data"), RW);
      tree.hardLink("twin", "real");
      assertThatThrownBy(() -> tree.hardLink("stolen", "../../etc/shadow"))
          .hasMessageContaining("climbs out");
      tree.finish();
    }
    assertThat(dir.resolve("copy/twin")).hasContent("data");
  }

  @Test
  void aFailedCopyLeavesNothingBehind() throws Exception {
    try (LocalTree tree = new LocalTree(dir.resolve("copy"))) {
      tree.directory("", PosixFilePermissions.fromString("r-x------"));
      tree.directory("locked", PosixFilePermissions.fromString("---------"));
      tree.file("locked-file", bytes("x"), Set.of());
      // no finish(): the copy failed part-way
    }
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void appliesFolderModesAfterTheirContents() throws Exception {
    Path target = dir.resolve("copy");
    try (LocalTree tree = new LocalTree(target)) {
      tree.directory("", PosixFilePermissions.fromString("r-x------"));
      tree.file("inside", bytes("x"), RW);
      tree.finish();
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("r-x------");
    Files.setPosixFilePermissions(target, RWX);
  }

  @Test
  void doesNotMergeIntoANonEmptyFolder() throws Exception {
    Path target = Files.createDirectory(dir.resolve("copy"));
    Files.writeString(target.resolve("keep"), "mine");
    try (LocalTree tree = new LocalTree(target)) {
      tree.directory("", RWX);
      tree.file("new", bytes("x"), RW);
      assertThatThrownBy(tree::finish).hasMessageContaining("not empty");
    }
    assertThat(target.resolve("keep")).hasContent("mine");
    assertThat(target.resolve("new")).doesNotExist();
  }

  @Test
  void refusesADestinationWhoseParentIsMissing() {
    assertThatThrownBy(() -> new LocalTree(dir.resolve("no/such/copy")))
        .hasMessageContaining("parent folder does not exist");
  }

  private static ByteArrayInputStream bytes(String s) {
    return new ByteArrayInputStream(s.getBytes());
  }
}
