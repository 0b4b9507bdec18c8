package dev.ignite.ports;

import dev.ignite.api.FileMapping;
import dev.ignite.api.Size;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What goes into a VM's root disk.
 *
 * @param imageTree the unpacked image (read only)
 * @param disk where the ext4 image is written
 * @param authorizedKey public key text for root's {@code authorized_keys}, if any
 * @param kernelModules a {@code lib/modules/<version>} directory to copy in, if the kernel has one
 * @param mounts extra disks mounted through the guest's {@code /etc/fstab}
 */
public record RootDisk(
    Path imageTree,
    Path disk,
    Size size,
    String hostname,
    Optional<String> authorizedKey,
    List<FileMapping> copyFiles,
    Optional<Path> kernelModules,
    List<GuestMount> mounts) {
  public RootDisk {
    copyFiles = List.copyOf(copyFiles);
    mounts = List.copyOf(mounts);
  }

  /** A guest block device (e.g. {@code /dev/vdb}) and the absolute path it is mounted at. */
  public record GuestMount(String device, String mountPath) {}
}
