package dev.ignite.adapters.disk;

import dev.ignite.ports.DiskBuilder;
import java.time.Duration;

/** Entry point of the disk adapter. */
public final class Disks {
  // set once a base disk write has been handed to the background writer
  private static volatile boolean backgroundWrites;

  private Disks() {}

  /** Root disks as ext4 images written by {@code mkfs.ext4 -d} (Debian package e2fsprogs). */
  public static DiskBuilder ext4() {
    return new Ext4DiskBuilder(Mkfs.fromEnvironment());
  }

  /**
   * Waits up to {@code max} for base disks being written in the background (after an image's first
   * VM) and says whether they are done. A process about to exit calls this: at exit an unfinished
   * write is stopped and its file deleted, and the image's next VM would pay for mkfs again.
   */
  public static boolean finishBackgroundWrites(Duration max) {
    return !backgroundWrites || BackgroundWriter.awaitWrites(max);
  }

  static void noteBackgroundWrite() {
    backgroundWrites = true;
  }
}
