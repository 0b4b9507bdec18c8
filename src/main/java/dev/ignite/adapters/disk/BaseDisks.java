package dev.ignite.adapters.disk;

import dev.ignite.api.Size;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code mkfs.ext4 -d} result per (image tree, disk size), kept beside the tree: VM disks are
 * sparse copies of it, which costs less than running mkfs again. The first VM of an image does not
 * wait for it: its own disk is made by mkfs directly and the base is written afterwards, in the
 * background (while that VM boots). Image trees are unpacked once per image id and never changed,
 * and removing an image deletes its folder, so the base files go with it. The tree's inode and
 * mtime are part of the name so that a tree replaced at the same path never meets the base of its
 * predecessor.
 */
final class BaseDisks {
  private static final Logger LOG = LoggerFactory.getLogger(BaseDisks.class);
  private static final long MIN_FREE_AFTER = 1L << 30;
  private static final long METADATA_ALLOWANCE = 64L << 20;

  /** The base for this tree and size if one has been written. */
  Optional<Path> existing(Path tree, Size size) throws IOException {
    return path(tree, size).filter(Files::isRegularFile);
  }

  /**
   * Writes the base for this tree and size in the background unless it exists, is being written, or
   * cannot be kept (the tree's folder is read-only). Failures are logged: VMs then keep being made
   * by mkfs directly.
   */
  void writeLater(Path mkfsBinary, Path tree, Size size) throws IOException {
    Optional<Path> kept = path(tree, size).filter(b -> Files.isWritable(b.getParent()));
    if (kept.isEmpty()) {
      return;
    }
    Path base = kept.get();
    BackgroundWriter.submit(
        () -> {
          try {
            writeIfMissing(mkfsBinary, tree, size, base);
          } catch (IOException | RuntimeException e) {
            LOG.warn("could not write base disk {}: {}", base, e.getMessage());
          }
        });
  }

  /** The command copying {@code base} to {@code target}, leaving holes for its holes and zeros. */
  static List<String> copyCommand(Path base, Path target) {
    // cp finds the holes with SEEK_DATA/SEEK_HOLE, which the JDK does not offer: a Java copy
    // would read all 4GB of a mostly empty file.
    return List.of("cp", "--sparse=always", base.toString(), target.toString());
  }

  private void writeIfMissing(Path mkfsBinary, Path tree, Size size, Path base) throws IOException {
    Path dir = base.getParent();
    try (FileChannel lockFile =
            FileChannel.open(
                dir.resolve("." + base.getFileName() + ".lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock held = lockFile.tryLock()) {
      if (held == null || Files.isRegularFile(base)) {
        return; // another process writes it, or already has
      }
      deleteStaleTemps(base);
      if (roomFor(tree, dir)) {
        write(mkfsBinary, tree, size, base);
      }
    }
  }

  private void write(Path mkfsBinary, Path tree, Size size, Path base) throws IOException {
    Path temp =
        base.resolveSibling("." + base.getFileName() + ".tmp-" + ProcessHandle.current().pid());
    long started = System.nanoTime();
    Files.deleteIfExists(temp);
    Scratch.createPrivateFile(temp);
    try (Processes.Running running = Processes.start(Mkfs.command(mkfsBinary, tree, temp, size))) {
      BackgroundWriter.started(running, temp);
      Mkfs.check(running.await(), tree, temp, size);
      Files.move(temp, base, StandardCopyOption.ATOMIC_MOVE);
      LOG.info("wrote base disk {} in {} ms", base, (System.nanoTime() - started) / 1_000_000);
    } finally {
      BackgroundWriter.ended();
      Files.deleteIfExists(temp);
    }
  }

  /**
   * A base is a cache: it must not take the space VMs need. It is written only if, afterwards, at
   * least 1 GiB and 5% of the file system would still be free. It takes about the tree's size plus
   * file system metadata (holes elsewhere).
   */
  private static boolean roomFor(Path tree, Path dir) throws IOException {
    FileStore store = Files.getFileStore(dir);
    long estimate = TreeSize.of(tree) + METADATA_ALLOWANCE;
    long reserve = Math.max(MIN_FREE_AFTER, store.getTotalSpace() / 20);
    long usable = store.getUsableSpace();
    if (usable - estimate < reserve) {
      LOG.info(
          "not writing a base disk in {}: {} MB free, it needs ~{} MB and {} MB must stay free",
          dir,
          usable >> 20,
          estimate >> 20,
          reserve >> 20);
      return false;
    }
    return true;
  }

  /** Temp files of writers killed before they could clean up (the lock says none is running). */
  private static void deleteStaleTemps(Path base) throws IOException {
    String prefix = "." + base.getFileName() + ".tmp-";
    try (DirectoryStream<Path> stale = Files.newDirectoryStream(base.getParent(), prefix + "*")) {
      for (Path p : stale) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Beside the tree; empty for a tree without a parent folder to keep it in. */
  private static Optional<Path> path(Path tree, Size size) throws IOException {
    Path absolute = tree.toAbsolutePath();
    if (absolute.getParent() == null) {
      return Optional.empty();
    }
    Map<String, Object> a = Files.readAttributes(absolute, "unix:ino,lastModifiedTime");
    long mtime = ((FileTime) a.get("lastModifiedTime")).toMillis();
    String name =
        absolute.getFileName()
            + ".base-"
            + size.bytes()
            + "-"
            + a.get("ino")
            + "-"
            + mtime
            + ".ext4";
    return Optional.of(absolute.resolveSibling(name));
  }
}
