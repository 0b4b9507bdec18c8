package dev.ignite.adapters.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.api.FileMapping;
import dev.ignite.api.Size;
import dev.ignite.ports.RootDisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Error paths that must fail before any tool runs or any file is written. */
class Ext4DiskBuilderTest {
  @TempDir Path tmp;

  private RootDisk request(List<FileMapping> files) {
    return new RootDisk(
        tmp.resolve("image"),
        tmp.resolve("vm/disk.ext4"),
        Size.ofMiB(64),
        "vm-1",
        Optional.empty(),
        files,
        Optional.empty(),
        List.of());
  }

  @Test
  void aMissingMkfsNamesTheDebianPackage() {
    // No machine here lacks e2fsprogs, so the tool is hidden by an empty search path instead.
    Ext4DiskBuilder builder = new Ext4DiskBuilder(new Mkfs(List.of(tmp.resolve("empty"))));

    assertThatThrownBy(() -> builder.build(request(List.of())))
        .isInstanceOf(IOException.class)
        .hasMessage("mkfs.ext4 not found; install the Debian package e2fsprogs");
    assertThat(tmp.resolve("vm")).doesNotExist();
  }

  @Test
  void aVmPathWithDotDotIsRefusedNamingTheField() throws IOException {
    Path host = Files.writeString(tmp.resolve("motd"), "hi");
    Ext4DiskBuilder builder = new Ext4DiskBuilder(Mkfs.fromEnvironment());

    assertThatThrownBy(
            () -> builder.build(request(List.of(new FileMapping(host.toString(), "/etc/../../x")))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spec.copyFiles[0].vmPath");
    assertThat(tmp.resolve("vm")).doesNotExist();
  }

  @Test
  void aMissingHostFileIsRefusedNamingTheField() {
    Ext4DiskBuilder builder = new Ext4DiskBuilder(Mkfs.fromEnvironment());

    assertThatThrownBy(
            () -> builder.build(request(List.of(new FileMapping("/no/such/file", "/etc/motd")))))
        .hasMessageContaining("spec.copyFiles[0].hostPath")
        .hasMessageContaining("/no/such/file");
  }

  @Test
  void aDeviceOrFifoHostPathIsRefusedBeforeAnythingIsWritten() throws Exception {
    Path fifo = tmp.resolve("pipe");
    new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    Ext4DiskBuilder builder = new Ext4DiskBuilder(Mkfs.fromEnvironment());

    for (String host : List.of("/dev/zero", fifo.toString())) {
      assertThatThrownBy(() -> builder.build(request(List.of(new FileMapping(host, "/etc/x")))))
          .as(host)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("spec.copyFiles[0].hostPath: \"" + host + "\"")
          .hasMessageContaining("is not a regular file or directory");
    }
    assertThat(tmp.resolve("vm")).doesNotExist();
  }

  @Test
  void aHostFileLargerThanTheDiskIsRefused() throws Exception {
    Path big = tmp.resolve("big");
    try (var f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(65L << 20); // sparse: one MiB more than the 64 MiB disk
    }
    Ext4DiskBuilder builder = new Ext4DiskBuilder(Mkfs.fromEnvironment());

    assertThatThrownBy(
            () -> builder.build(request(List.of(new FileMapping(big.toString(), "/big")))))
        .hasMessageContaining("spec.copyFiles[0].hostPath")
        .hasMessageContaining("is larger than diskSize 64MB");
    assertThat(tmp.resolve("vm")).doesNotExist();
  }

  @Test
  void aRelativeHostPathIsRefused() {
    Ext4DiskBuilder builder = new Ext4DiskBuilder(Mkfs.fromEnvironment());

    assertThatThrownBy(() -> builder.build(request(List.of(new FileMapping("motd", "/etc/motd")))))
        .hasMessageContaining("spec.copyFiles[0].hostPath: \"motd\" must be an absolute path");
  }

  @Test
  void aMountPathThatWouldCorruptFstabIsRefused() {
    Ext4DiskBuilder builder = new Ext4DiskBuilder(Mkfs.fromEnvironment());

    for (String path : List.of("/mnt/my data", "/mnt/a\\040b", "/mnt/x\tdefaults")) {
      RootDisk r = request(List.of());
      RootDisk withMount =
          new RootDisk(
              r.imageTree(),
              r.disk(),
              r.size(),
              r.hostname(),
              r.authorizedKey(),
              r.copyFiles(),
              r.kernelModules(),
              List.of(new RootDisk.GuestMount("/dev/vdb", path)));

      assertThatThrownBy(() -> builder.build(withMount))
          .as(path)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("spec.storage.volumeMounts.mountPath");
    }
    assertThat(tmp.resolve("vm")).doesNotExist();
  }

  @Test
  void aDiskLargerThanTheHostFilesystemIsRefusedBeforeMkfsRuns() throws Exception {
    Files.createDirectories(tmp.resolve("image"));
    RootDisk r = request(List.of());
    RootDisk huge =
        new RootDisk(
            r.imageTree(),
            r.disk(),
            Size.ofGiB(1000L * 1024 * 1024), // 1000 PiB
            r.hostname(),
            r.authorizedKey(),
            r.copyFiles(),
            r.kernelModules(),
            r.mounts());
    Ext4DiskBuilder builder = new Ext4DiskBuilder(Mkfs.fromEnvironment());

    assertThatThrownBy(() -> builder.build(huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spec.diskSize:")
        .hasMessageContaining("is larger than the whole filesystem holding");
    assertThat(tmp.resolve("vm")).doesNotExist();
  }

  @Test
  void aDiskSmallerThanTheImageTellsWhatToRaise() {
    assertThatThrownBy(() -> Ext4DiskBuilder.checkFits(87L << 20, Size.ofMiB(64)))
        .hasMessageStartingWith("diskSize 64MB is smaller than the image (")
        .hasMessageEndingWith("raise spec.diskSize");
  }

  @Test
  void aDiskWithRoomToSpareFits() {
    Ext4DiskBuilder.checkFits(7L << 20, Size.ofMiB(64));
    Ext4DiskBuilder.checkFits(7L << 20, Size.ofGiB(4));
  }
}
