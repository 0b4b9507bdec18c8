package dev.ignite.adapters.disk;

import dev.ignite.ports.DiskBuilder;

/** Entry point of the disk adapter. */
public final class Disks {
  private Disks() {}

  /** Root disks as ext4 images written by {@code mkfs.ext4 -d} (Debian package e2fsprogs). */
  public static DiskBuilder ext4() {
    return new Ext4DiskBuilder(Mkfs.fromEnvironment());
  }
}
