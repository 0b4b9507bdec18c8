package dev.ignite.adapters.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ignite.api.FileMapping;
import dev.ignite.api.Size;
import dev.ignite.ports.RootDisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Names from hostile trees and manifests fed to the real debugfs: none of them may become a command
 * of its own. debugfs reads one command per line (in lines of at most 8191 bytes: longer ones are
 * cut and the rest read as the next command), and runs a line starting with '!' through the shell.
 */
@Tag("integration")
class DebugfsInjectionIT {
  @TempDir Path tmp;
  private final Ext4DiskBuilder builder = new Ext4DiskBuilder(Mkfs.fromEnvironment());

  @AfterEach
  void letBaseWritesEnd() throws Exception {
    BackgroundWriter.awaitWrites(java.time.Duration.ofMinutes(1));
  }

  private Path imageTree() throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("image/etc"));
    Files.writeString(tree.resolve("os-release"), "ID=test\n");
    return tree.getParent();
  }

  private RootDisk request(List<FileMapping> files, Optional<Path> modules) throws Exception {
    return new RootDisk(
        imageTree(),
        tmp.resolve("vm/disk.ext4"),
        Size.ofMiB(32),
        "vm-1",
        Optional.empty(),
        files,
        modules,
        List.of());
  }

  /** A link whose target closes the quote and starts a line that dumps a guest file to the host. */
  private Path linkDumpingTo(Path dir, Path hostFile) throws Exception {
    Files.createDirectories(dir);
    String target = "x\"\ndump \"/etc/hostname\" \"" + hostFile;
    return Files.createSymbolicLink(dir.resolve("evil"), Path.of(target));
  }

  @Test
  void aSymlinkTargetInACopiedFolderWritesNoHostFile() throws Exception {
    Path written = tmp.resolve("written-by-debugfs");
    Path folder = tmp.resolve("site");
    linkDumpingTo(folder, written);

    Throwable refused =
        catchThrowable(
            () ->
                builder.build(
                    request(
                        List.of(new FileMapping(folder.toString(), "/srv/site")),
                        Optional.empty())));

    assertThat(written).doesNotExist();
    assertThat(refused).hasMessageContaining(folder.resolve("evil").toString());
    assertThat(tmp.resolve("vm/disk.ext4")).doesNotExist();
  }

  @Test
  void aSymlinkTargetInAKernelsModulesWritesNoHostFile() throws Exception {
    Path written = tmp.resolve("written-by-debugfs");
    Path modules = tmp.resolve("kernel/modules/6.1.0-evil");
    linkDumpingTo(modules.resolve("kernel"), written);

    Throwable refused =
        catchThrowable(() -> builder.build(request(List.of(), Optional.of(modules))));

    assertThat(written).doesNotExist();
    assertThat(refused).hasMessageContaining(modules.resolve("kernel/evil").toString());
  }

  @Test
  void anOverlongVmPathRunsNoShellCommand() throws Exception {
    Path motd = Files.writeString(tmp.resolve("motd"), "hi\n");
    Path ran = tmp.resolve("shell-ran");
    // The write line is cut so that its rest starts with '!': the shell runs it as root, and the
    // quote debugfs leaves at its end is a comment.
    String prefix = "write \"" + motd + "\" \"/";
    String shell = "!touch " + ran + " #";
    String vmPath = "/" + "a".repeat(8191 - prefix.length()) + shell;

    Throwable refused =
        catchThrowable(
            () ->
                builder.build(
                    request(List.of(new FileMapping(motd.toString(), vmPath)), Optional.empty())));

    assertThat(ran).doesNotExist();
    assertThat(refused)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spec.copyFiles[0].vmPath");
  }
}
