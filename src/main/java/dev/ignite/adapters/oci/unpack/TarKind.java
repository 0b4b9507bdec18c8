package dev.ignite.adapters.oci.unpack;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** What a layer entry makes, by its type flag alone (commons-compress also judges by the name). */
public enum TarKind {
  FILE,
  DIRECTORY,
  SYMLINK,
  HARD_LINK,
  CHAR_DEVICE,
  BLOCK_DEVICE,
  FIFO,
  OTHER;

  public static TarKind of(TarArchiveEntry e) {
    return switch (e.getLinkFlag()) {
      // a regular file, NUL as old tars write it, contiguous; a name ending in / is a directory
      case '0', 0, '7' -> e.getName().endsWith("/") ? DIRECTORY : FILE;
      case '5', 'D' -> DIRECTORY;
      case '2' -> SYMLINK;
      case '1' -> HARD_LINK;
      case '3' -> CHAR_DEVICE;
      case '4' -> BLOCK_DEVICE;
      case '6' -> FIFO;
      default -> OTHER;
    };
  }
}
