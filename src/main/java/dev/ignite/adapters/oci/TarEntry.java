package dev.ignite.adapters.oci;

import java.nio.file.attribute.FileTime;

/**
 * One member of a layer tar, with its PAX and GNU long-name extensions already applied.
 *
 * @param type the typeflag byte ({@code '0'} file, {@code '1'} hard link, {@code '2'} symlink,
 *     {@code '3'} char device, {@code '4'} block device, {@code '5'} directory, {@code '6'} FIFO)
 * @param size bytes of content that follow the header
 */
record TarEntry(
    String name,
    byte type,
    String linkName,
    int mode,
    long uid,
    long gid,
    long size,
    FileTime mtime,
    int devMajor,
    int devMinor) {

  boolean isDirectory() {
    return type == '5' || (type == 'D') || (isFileType() && name.endsWith("/"));
  }

  boolean isSymbolicLink() {
    return type == '2';
  }

  boolean isLink() {
    return type == '1';
  }

  boolean isCharacterDevice() {
    return type == '3';
  }

  boolean isBlockDevice() {
    return type == '4';
  }

  boolean isFIFO() {
    return type == '6';
  }

  /** A regular file ('0', NUL as old tars write it, '7' contiguous), not a directory. */
  boolean isFile() {
    return isFileType() && !name.endsWith("/");
  }

  private boolean isFileType() {
    return type == '0' || type == 0 || type == '7';
  }
}
