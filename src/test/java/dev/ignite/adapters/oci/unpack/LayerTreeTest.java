package dev.ignite.adapters.oci.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.ports.ImageException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerTreeTest {
  @TempDir Path dir;
  @TempDir Path outside;
  Path root;
  LayerTree tree;

  @BeforeEach
  void tree() throws Exception {
    root = dir.toRealPath();
    Files.createDirectories(root.resolve("a/b"));
    Files.createDirectories(outside.resolve("x"));
    Files.createSymbolicLink(root.resolve("link"), outside);
    Files.createSymbolicLink(root.resolve("a/b/sh"), Path.of("busybox"));
    tree = new LayerTree(root);
  }

  @Test
  void aPathUnderRealDirectoriesPassesTheCheck() throws Exception {
    assertThat(tree.requireUnlinked(root.resolve("a/b"), false).isDirectory()).isTrue();
    assertThat(tree.requireUnlinked(root.resolve("a/b/sh"), true).isSymbolicLink()).isTrue();
  }

  @Test
  void aPathBelowASymlinkIsRefusedWhereverTheLinkLeads() {
    assertThatThrownBy(() -> tree.requireUnlinked(root.resolve("link/x"), false))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("'link' is no longer a directory");
  }

  @Test
  void aSymlinkItselfIsRefusedWhenItsTargetWouldBeChanged() {
    assertThatThrownBy(() -> tree.requireUnlinked(root.resolve("link"), false))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("'link' is a symlink");
  }

  @Test
  void aDirectoryCheckedOnceIsCheckedAgainAfterADeletion() throws Exception {
    tree.requireUnlinked(root.resolve("a/b/sh"), true);
    tree.delete(root.resolve("a/b"));
    Files.createSymbolicLink(root.resolve("a/b"), outside);
    assertThatThrownBy(() -> tree.requireUnlinked(root.resolve("a/b/x"), false))
        .isInstanceOf(ImageException.class);
  }

  @Test
  void aPathOutsideTheRootIsRefused() {
    assertThatThrownBy(() -> tree.requireUnlinked(outside.resolve("x"), false))
        .isInstanceOf(ImageException.class);
  }
}
