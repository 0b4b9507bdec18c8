package dev.ignite.core;

import dev.ignite.api.StorageSpec;
import dev.ignite.api.Vm;
import dev.ignite.ports.RootDisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * A VM's extra disks from {@code spec.storage}: each mounted volume becomes the next virtio disk
 * ({@code /dev/vdb}, {@code /dev/vdc}, …) and an fstab line for its mount path.
 */
record VolumeAttachments(List<Path> disks, List<RootDisk.GuestMount> mounts) {
  static VolumeAttachments of(Vm vm) {
    StorageSpec storage = vm.spec().storage();
    List<Path> disks = new ArrayList<>();
    List<RootDisk.GuestMount> mounts = new ArrayList<>();
    if (storage == null) {
      return new VolumeAttachments(disks, mounts);
    }
    for (StorageSpec.VolumeMount mount : storage.volumeMounts()) {
      StorageSpec.Volume volume =
          storage.volumes().stream()
              .filter(v -> v.name().equals(mount.name()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new LifecycleException(
                          "spec.storage.volumeMounts: "
                              + mount.name()
                              + ": no volume of that name"));
      Path disk = checked(volume);
      // QEMU locks each image it opens: a second -drive of the same file fails the whole start.
      // Compared as real paths, so two symlinks to one file count as one.
      if (disks.contains(disk)) {
        throw new LifecycleException(
            "spec.storage: " + disk + " is attached twice; mount each volume once");
      }
      disks.add(disk);
      mounts.add(
          new RootDisk.GuestMount("/dev/vd" + (char) ('b' + mounts.size()), guestPath(mount)));
    }
    return new VolumeAttachments(List.copyOf(disks), List.copyOf(mounts));
  }

  private static Path checked(StorageSpec.Volume volume) {
    String where = "spec.storage.volumes: " + volume.name() + ": " + volume.blockDevicePath();
    if (volume.blockDevicePath() == null || !volume.blockDevicePath().startsWith("/")) {
      throw new LifecycleException(where + ": want an absolute path of a file or block device");
    }
    Path path = Path.of(volume.blockDevicePath()).normalize();
    try {
      PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class);
      // isOther() is also true of character devices (/dev/zero), FIFOs and sockets.
      if (!a.isRegularFile() && !(a.isOther() && isBlockDevice(path))) {
        throw new LifecycleException(where + ": not a raw image file or block device");
      }
      // QEMU is given the file itself: a symlink swapped after this check changes nothing
      return path.toRealPath();
    } catch (IOException e) {
      throw new LifecycleException(
          where + ": does not exist (create it, e.g. truncate -s 1G FILE && mkfs.ext4 FILE)");
    }
  }

  /**
   * The real paths of the files and devices {@code vm} mounts; those that do not resolve are left
   * out.
   */
  static List<Path> realPathsOf(Vm vm) {
    StorageSpec storage = vm.spec().storage();
    List<Path> paths = new ArrayList<>();
    if (storage == null) {
      return paths;
    }
    for (StorageSpec.Volume v : storage.volumes()) {
      boolean mounted = storage.volumeMounts().stream().anyMatch(m -> m.name().equals(v.name()));
      if (mounted && v.blockDevicePath() != null && v.blockDevicePath().startsWith("/")) {
        try {
          paths.add(Path.of(v.blockDevicePath()).toRealPath());
        } catch (IOException | java.nio.file.InvalidPathException e) {
          // a volume that is not there is nobody's to share
        }
      }
    }
    return paths;
  }

  private static boolean isBlockDevice(Path path) throws IOException {
    int mode = (Integer) Files.getAttribute(path, "unix:mode");
    return (mode & S_IFMT) == S_IFBLK;
  }

  private static final int S_IFMT = 0170000;
  private static final int S_IFBLK = 0060000;

  private static String guestPath(StorageSpec.VolumeMount mount) {
    String p = mount.mountPath();
    if (p == null || !p.startsWith("/") || p.contains("..") || p.matches(".*\\s.*")) {
      throw new LifecycleException(
          "spec.storage.volumeMounts: "
              + mount.name()
              + ": mountPath must be an absolute path without spaces or '..'");
    }
    return p;
  }
}
