package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ignite.ports.ImportOptions;
import dev.ignite.ports.ImportProgress;
import dev.ignite.ports.ImportedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A layer's extended attributes reach the VM's disk: imported, unpacked, written by {@code
 * mkfs.ext4 -d} as the disk adapter writes root disks, and read back from the file system by
 * debugfs.
 */
@Tag("integration")
class XattrDiskIT {
  @TempDir Path work;

  @Test
  void aFileCapabilityInALayerIsOnTheRootDisk() throws Exception {
    assumeTrue(Commands.isRoot(), "security.* attributes need root");
    byte[] netRaw = {1, 0, 0, 2, 0, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    Path tar = work.resolve("layer.tar");
    Files.write(
        tar,
        new Tars()
            .dir("bin")
            .xattrs(Map.of("security.capability", netRaw))
            .file("bin/ping", "elf", 0755)
            .xattrs(Map.of("user.note", "kept".getBytes()))
            .file("etc/", "", 040755)
            .bytes());
    OciImages images = OciImages.create(work.resolve("cache"));
    ImportedImage image =
        images.importImage("tar:" + tar, ImportOptions.defaults(), ImportProgress.NONE);
    Path rootfs = work.resolve("rootfs");
    images.unpack(image.id(), rootfs);

    Path disk = work.resolve("disk.ext4");
    Commands.run("truncate", "-s", "32M", disk.toString());
    Commands.run("mkfs.ext4", "-q", "-F", "-d", rootfs.toString(), disk.toString());

    String ping = Commands.run("debugfs", "-R", "ea_list /bin/ping", disk.toString());
    assertThat(ping).contains("security.capability (20) = 01 00 00 02 00 20 00 00");
    String etc = Commands.run("debugfs", "-R", "ea_list /etc", disk.toString());
    assertThat(etc).contains("user.note (4) = \"kept\"");
  }
}
