package dev.ignite.adapters.disk;

import dev.ignite.api.Size;

/** The requested disk cannot hold the image; the user has to raise {@code spec.diskSize}. */
final class DiskTooSmallException extends IllegalArgumentException {
  DiskTooSmallException(Size diskSize, long imageBytes) {
    super(
        "diskSize "
            + diskSize
            + " is smaller than the image ("
            + ((imageBytes + (1 << 20) - 1) >> 20)
            + "MB with ext4 overhead); raise spec.diskSize");
  }
}
