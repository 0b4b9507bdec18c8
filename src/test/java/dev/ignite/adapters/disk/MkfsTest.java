package dev.ignite.adapters.disk;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.api.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** mkfs/debugfs output as e2fsprogs 1.47.0 prints it when the host or the guest runs full. */
class MkfsTest {
  @TempDir Path dir;

  @Test
  void aFullHostIsNotReportedAsATooSmallDisk() throws IOException {
    Path tree = Files.createDirectories(dir.resolve("rootfs"));
    var result =
        new Processes.Result(
            1, "mkfs.ext4: No space left on device while writing out and closing file system\n");

    assertThatThrownBy(() -> Mkfs.check(result, tree, dir.resolve("vm/disk.ext4"), Size.ofMiB(64)))
        .isNotInstanceOf(DiskTooSmallException.class)
        .hasMessageContaining("host file system holding " + dir.resolve("vm") + " is full")
        .hasMessageContaining("free some space there");
  }

  @Test
  void aFullGuestFileSystemAsksForALargerDiskSize() throws IOException {
    Path tree = Files.createDirectories(dir.resolve("rootfs"));
    Files.write(tree.resolve("big"), new byte[1 << 20]);
    var result =
        new Processes.Result(
            1,
            "__populate_fs: Could not allocate block in ext2 filesystem while writing file \"big\"\n");

    assertThatThrownBy(() -> Mkfs.check(result, tree, dir.resolve("disk.ext4"), Size.ofMiB(1)))
        .isInstanceOf(DiskTooSmallException.class)
        .hasMessageContaining("raise spec.diskSize");
  }

  @Test
  void debugfsRunningIntoAFullHostSaysSoToo() {
    var result =
        new Processes.Result(0, "debugfs 1.47.0 (5-Feb-2023)\nwrite: No space left on device\n");

    assertThatThrownBy(
            () ->
                Mkfs.checkDebugfs(
                    result, "write a /etc/hostname", dir.resolve("disk.ext4"), dir, Size.ofMiB(64)))
        .hasMessageContaining("is full (No space left on device");
  }
}
