package dev.ignite.adapters.disk;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** How much room a tree and ext4's own bookkeeping take in a file system of a given size. */
final class TreeSize {
  private static final long BLOCK = 4096;

  private TreeSize() {}

  /** Bytes the tree's files, directories and links occupy in 4 KiB blocks. */
  static long of(Path root) throws IOException {
    long[] total = {0};
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            total[0] += BLOCK;
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            total[0] += roundUp(attrs.isRegularFile() ? attrs.size() : 0);
            return FileVisitResult.CONTINUE;
          }
        });
    return total[0];
  }

  /**
   * ext4's fixed cost in a file system of {@code size} bytes: the journal (mke2fs's default sizes)
   * plus inode tables (one 256-byte inode per 16 KiB) and a margin for bitmaps and descriptors.
   */
  static long ext4Overhead(long size) {
    long blocks = size / BLOCK;
    long journalBlocks;
    if (blocks < 2048) {
      journalBlocks = 0;
    } else if (blocks < 32768) {
      journalBlocks = 1024;
    } else if (blocks < 256 * 1024) {
      journalBlocks = 4096;
    } else if (blocks < 512 * 1024) {
      journalBlocks = 8192;
    } else if (blocks < 4096 * 1024) {
      journalBlocks = 16384;
    } else {
      journalBlocks = 32768;
    }
    return journalBlocks * BLOCK + size / 64 + size / 100;
  }

  private static long roundUp(long bytes) {
    return (bytes + BLOCK - 1) / BLOCK * BLOCK;
  }
}
