package dev.ignite.adapters.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.api.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fill step and debugfs started together, with the real tools. */
@Tag("integration")
class DiskWriteIT {
  @TempDir Path tmp;
  private final Mkfs mkfs = Mkfs.fromEnvironment();

  @Test
  void debugfsWritesIntoWhatTheFillStepMade() throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("tree/etc"));
    Files.writeString(tree.resolve("os-release"), "ID=test\n");
    Path content = Files.writeString(tmp.resolve("hostname"), "box\n");
    Path disk = tmp.resolve("disk.ext4");

    try (DiskWrite writing =
        DiskWrite.start(
            Mkfs.command(mkfs.locate(), tree.getParent(), disk, Size.ofMiB(16)),
            mkfs.locate("debugfs"))) {
      DiskWrite.Outcome outcome =
          writing.finish(disk, "write \"" + content + "\" \"/etc/hostname\"\n");

      assertThat(outcome.fill().ok()).isTrue();
      Mkfs.checkDebugfs(
          outcome.debugfs().orElseThrow(), outcome.debugfsInput(), disk, tree, Size.ofMiB(16));
    }
    String hostname =
        dev.ignite.testing.SampleImage.run(
            List.of("debugfs", "-R", "cat /etc/hostname", disk.toString()));
    assertThat(hostname).endsWith("box\n");
  }

  @Test
  void aScriptLargerThanAPipeHoldsRunsWithoutBothSidesWaiting() throws Exception {
    Path tree = Files.createDirectories(tmp.resolve("tree"));
    Path disk = tmp.resolve("disk.ext4");
    StringBuilder script = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      script.append("mkdir \"/directory-number-").append(i).append("\"\n");
    }
    assertThat(script.length()).as("more than a 64 KiB pipe, echoed back").isGreaterThan(80_000);

    try (DiskWrite writing =
        DiskWrite.start(
            Mkfs.command(mkfs.locate(), tree, disk, Size.ofMiB(64)), mkfs.locate("debugfs"))) {
      DiskWrite.Outcome outcome = writing.finish(disk, script.toString());

      Mkfs.checkDebugfs(
          outcome.debugfs().orElseThrow(), outcome.debugfsInput(), disk, tree, Size.ofMiB(64));
    }
    String listing =
        dev.ignite.testing.SampleImage.run(List.of("debugfs", "-R", "ls -l /", disk.toString()));
    assertThat(listing).contains("directory-number-0", "directory-number-2999");
  }

  @Test
  void aFailedFillStepIsReportedAndDebugfsNeverRuns() throws Exception {
    Path disk = tmp.resolve("disk.ext4");

    try (DiskWrite writing =
        DiskWrite.start(
            List.of("cp", "--sparse=always", tmp.resolve("no-base").toString(), disk.toString()),
            mkfs.locate("debugfs"))) {
      DiskWrite.Outcome outcome = writing.finish(disk, "write \"/etc/passwd\" \"/x\"\n");

      assertThat(outcome.fill().ok()).isFalse();
      assertThat(outcome.fill().output()).contains("no-base");
      assertThat(outcome.debugfs()).isEmpty();
    }
    assertThat(disk).doesNotExist();
  }

  @Test
  void debugfsThatCannotOpenTheDiskIsAnErrorNamingIt() throws Exception {
    Path missing = tmp.resolve("never-made.ext4");

    try (DiskWrite writing = DiskWrite.start(List.of("true"), mkfs.locate("debugfs"))) {
      DiskWrite.Outcome outcome = writing.finish(missing, "mkdir \"/x\"\n");

      assertThatThrownBy(
              () ->
                  Mkfs.checkDebugfs(
                      outcome.debugfs().orElseThrow(),
                      outcome.debugfsInput(),
                      missing,
                      tmp,
                      Size.ofMiB(16)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("writing the VM's files into " + missing + " failed")
          .hasMessageContaining("No such file or directory");
    }
  }
}
