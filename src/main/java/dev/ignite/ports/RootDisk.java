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
 * @param hostKey the guest's SSH host key, placed where its SSH server reads it
 */
public record RootDisk(
    Path imageTree,
    Path disk,
    Size size,
    String hostname,
    Optional<String> authorizedKey,
    List<FileMapping> copyFiles,
    Optional<Path> kernelModules,
    List<GuestMount> mounts,
    Optional<GuestHostKey> hostKey) {
  public RootDisk {
    copyFiles = List.copyOf(copyFiles);
    mounts = List.copyOf(mounts);
  }

  /** A disk without a host key made for the guest: its SSH server makes its own. */
  public RootDisk(
      Path imageTree,
      Path disk,
      Size size,
      String hostname,
      Optional<String> authorizedKey,
      List<FileMapping> copyFiles,
      Optional<Path> kernelModules,
      List<GuestMount> mounts) {
    this(
        imageTree,
        disk,
        size,
        hostname,
        authorizedKey,
        copyFiles,
        kernelModules,
        mounts,
        Optional.empty());
  }

  /**
   * What was written besides the image.
   *
   * @param hostKeyPaths where in the guest the host key was placed: {@code
   *     /etc/ssh/ssh_host_ed25519_key} if the image has {@code /etc/ssh}, {@code
   *     /etc/dropbear/dropbear_ed25519_host_key} if it has {@code /etc/dropbear}; empty if neither
   *     (or no key was given), so no SSH server of the guest will present it
   */
  public record Built(List<String> hostKeyPaths) {
    public Built {
      hostKeyPaths = List.copyOf(hostKeyPaths);
    }
  }

  /** A guest block device (e.g. {@code /dev/vdb}) and the absolute path it is mounted at. */
  public record GuestMount(String device, String mountPath) {}
}
