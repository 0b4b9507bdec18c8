package dev.ignite.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.api.ObjectMeta;
import dev.ignite.api.StorageSpec;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import dev.ignite.ports.RootDisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeAttachmentsTest {
  @TempDir Path dir;

  private static Vm withStorage(StorageSpec storage) {
    return new Vm(ObjectMeta.named("vm"), VmSpec.UNSET.withStorage(storage), null);
  }

  @Test
  void eachMountedVolumeIsTheNextVirtioDisk() throws Exception {
    Path a = Files.createFile(dir.resolve("a.img"));
    Path b = Files.createFile(dir.resolve("b.img"));
    StorageSpec storage =
        new StorageSpec(
            List.of(
                new StorageSpec.Volume("a", a.toString()),
                new StorageSpec.Volume("b", b.toString())),
            List.of(
                new StorageSpec.VolumeMount("b", "/data"),
                new StorageSpec.VolumeMount("a", "/logs")));

    VolumeAttachments attached = VolumeAttachments.of(withStorage(storage));

    assertThat(attached.disks()).containsExactly(b, a);
    assertThat(attached.mounts())
        .containsExactly(
            new RootDisk.GuestMount("/dev/vdb", "/data"),
            new RootDisk.GuestMount("/dev/vdc", "/logs"));
  }

  @Test
  void refusesAMissingHostPathNamingTheVolume() {
    StorageSpec storage =
        new StorageSpec(
            List.of(new StorageSpec.Volume("data", dir.resolve("nope.img").toString())),
            List.of(new StorageSpec.VolumeMount("data", "/data")));

    assertThatThrownBy(() -> VolumeAttachments.of(withStorage(storage)))
        .hasMessageContaining("spec.storage.volumes: data")
        .hasMessageContaining("does not exist");
  }

  @Test
  void refusesADirectoryAndARelativeMountPath() throws Exception {
    StorageSpec folder =
        new StorageSpec(
            List.of(new StorageSpec.Volume("d", dir.toString())),
            List.of(new StorageSpec.VolumeMount("d", "/data")));
    Path img = Files.createFile(dir.resolve("x.img"));
    StorageSpec relative =
        new StorageSpec(
            List.of(new StorageSpec.Volume("x", img.toString())),
            List.of(new StorageSpec.VolumeMount("x", "../etc")));

    assertThatThrownBy(() -> VolumeAttachments.of(withStorage(folder)))
        .hasMessageContaining("not a raw image file or block device");
    assertThatThrownBy(() -> VolumeAttachments.of(withStorage(relative)))
        .hasMessageContaining("mountPath must be an absolute path");
  }

  @Test
  void refusesACharacterDeviceOrFifoAsAVolume() throws Exception {
    Path fifo = dir.resolve("pipe");
    new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
    for (String path : List.of("/dev/zero", fifo.toString())) {
      StorageSpec storage =
          new StorageSpec(
              List.of(new StorageSpec.Volume("v", path)),
              List.of(new StorageSpec.VolumeMount("v", "/data")));

      assertThatThrownBy(() -> VolumeAttachments.of(withStorage(storage)))
          .as(path)
          .hasMessageContaining("spec.storage.volumes: v: " + path)
          .hasMessageContaining("not a raw image file or block device");
    }
  }

  @Test
  void acceptsABlockDevice() {
    Path loop = Path.of("/dev/loop0");
    Assumptions.assumeTrue(Files.exists(loop), "no /dev/loop0 on this machine");
    StorageSpec storage =
        new StorageSpec(
            List.of(new StorageSpec.Volume("v", loop.toString())),
            List.of(new StorageSpec.VolumeMount("v", "/data")));

    assertThat(VolumeAttachments.of(withStorage(storage)).disks()).containsExactly(loop);
  }

  @Test
  void refusesTheSameHostFileAttachedTwice() throws Exception {
    Path img = Files.createFile(dir.resolve("a.img"));
    StorageSpec storage =
        new StorageSpec(
            List.of(
                new StorageSpec.Volume("a", img.toString()),
                new StorageSpec.Volume("b", dir.resolve("./a.img").toString())),
            List.of(
                new StorageSpec.VolumeMount("a", "/data"),
                new StorageSpec.VolumeMount("b", "/logs")));

    assertThatThrownBy(() -> VolumeAttachments.of(withStorage(storage)))
        .hasMessageContaining("is attached twice");
  }

  @Test
  void theSameFileThroughASymlinkIsAttachedTwiceAndRefused() throws Exception {
    Path file = Files.createFile(dir.resolve("data.img"));
    Path link = Files.createSymbolicLink(dir.resolve("link.img"), file);
    StorageSpec storage =
        new StorageSpec(
            List.of(
                new StorageSpec.Volume("a", file.toString()),
                new StorageSpec.Volume("b", link.toString())),
            List.of(
                new StorageSpec.VolumeMount("a", "/data"),
                new StorageSpec.VolumeMount("b", "/again")));

    assertThatThrownBy(() -> VolumeAttachments.of(withStorage(storage)))
        .hasMessageContaining("attached twice");
  }

  @Test
  void realPathsOfAnotherVmResolveLinksAndSkipWhatIsMissing() throws Exception {
    Path file = Files.createFile(dir.resolve("data.img"));
    Path link = Files.createSymbolicLink(dir.resolve("link.img"), file);
    StorageSpec storage =
        new StorageSpec(
            List.of(
                new StorageSpec.Volume("a", link.toString()),
                new StorageSpec.Volume("gone", dir.resolve("gone.img").toString()),
                new StorageSpec.Volume("unmounted", file.toString())),
            List.of(
                new StorageSpec.VolumeMount("a", "/data"),
                new StorageSpec.VolumeMount("gone", "/x")));

    assertThat(VolumeAttachments.realPathsOf(withStorage(storage)))
        .containsExactly(file.toRealPath());
  }
}
