package dev.ignite.adapters.disk;

import dev.ignite.api.Size;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code mkfs.ext4 -d} result per (image tree, disk size), kept beside the tree: VM disks are
 * sparse copies of it, which costs less than running mkfs again. Image trees are unpacked once per
 * image id and never changed, and removing an image deletes its folder, so the base files go with
 * it. The tree's inode and mtime are part of the name so that a tree replaced at the same path
 * never meets the base of its predecessor.
 */
final class BaseDisks {
  private static final Logger LOG = LoggerFactory.getLogger(BaseDisks.class);
  // A FileLock is held per JVM, not per thread: threads of one daemon queue here first.
  private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

  private final Mkfs mkfs;

  BaseDisks(Mkfs mkfs) {
    this.mkfs = mkfs;
  }

  /** The base for this tree and size, written now if missing; empty if none can be kept. */
  Optional<Path> base(Path mkfsBinary, Path tree, Size size) throws IOException {
    Path dir = tree.toAbsolutePath().getParent();
    if (dir == null || !Files.isWritable(dir)) {
      return Optional.empty();
    }
    Path base = dir.resolve(name(tree, size));
    if (Files.isRegularFile(base)) {
      return Optional.of(base);
    }
    ReentrantLock local = IN_PROCESS.computeIfAbsent(base, b -> new ReentrantLock());
    local.lock();
    try (FileChannel lockFile =
            FileChannel.open(
                dir.resolve("." + base.getFileName() + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock held = lockFile.lock()) {
      if (!Files.isRegularFile(base)) { // another process may have written it while we waited
        write(mkfsBinary, tree, size, base);
      }
      return Optional.of(base);
    } finally {
      local.unlock();
    }
  }

  /** Copies {@code base} to {@code target} leaving holes where the base has holes or zeros. */
  static void copy(Path base, Path target) throws IOException {
    // cp finds the holes with SEEK_DATA/SEEK_HOLE, which the JDK does not offer: a Java copy
    // would read all 4GB of a mostly empty file.
    Processes.run(List.of("cp", "--sparse=always", base.toString(), target.toString()))
        .orThrow("copying base disk " + base + " to " + target);
  }

  private void write(Path mkfsBinary, Path tree, Size size, Path base) throws IOException {
    Path temp =
        base.resolveSibling("." + base.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    try {
      long started = System.nanoTime();
      mkfs.run(mkfsBinary, tree, temp, size);
      Files.move(temp, base, StandardCopyOption.ATOMIC_MOVE);
      LOG.info("wrote base disk {} in {} ms", base, (System.nanoTime() - started) / 1_000_000);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static String name(Path tree, Size size) throws IOException {
    Object inode = Files.getAttribute(tree, "unix:ino");
    long mtime = Files.getLastModifiedTime(tree).toMillis();
    return tree.getFileName() + ".base-" + size.bytes() + "-" + inode + "-" + mtime + ".ext4";
  }
}
