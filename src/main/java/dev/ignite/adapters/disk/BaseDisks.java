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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
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
  // One base at a time per JVM: they are a cache, and two mkfs at once would take both cores from
  // the VMs being started. Across processes a file lock keeps one writer per base.
  private static final ExecutorService WRITER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "base-disk-writer");
            t.setDaemon(true);
            return t;
          });
  private static final AtomicReference<Write> CURRENT = new AtomicReference<>();
  private static final long MIN_FREE_AFTER = 1L << 30;
  private static final long METADATA_ALLOWANCE = 64L << 20;

  static {
    // A CLI that exits while a base is written must not leave mkfs writing a file nobody renames.
    Runtime.getRuntime()
        .addShutdownHook(new Thread(BaseDisks::abandonCurrent, "base-disk-writer-stop"));
  }

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
    Disks.noteBackgroundWrite();
    WRITER.execute(
        () -> {
          try {
            writeIfMissing(mkfsBinary, tree, size, base);
          } catch (IOException | RuntimeException e) {
            LOG.warn("could not write base disk {}: {}", base, e.getMessage());
          }
        });
  }

  /** Waits until the base writes submitted so far have ended (tests delete trees after this). */
  static void awaitWrites() throws IOException {
    try {
      WRITER.submit(() -> {}).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for base disk writes", e);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    }
  }

  /** Waits up to {@code max} for the base writes submitted so far; false if one still runs. */
  static boolean awaitWrites(Duration max) {
    try {
      WRITER.submit(() -> {}).get(max.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return true; // the no-op cannot fail; a failed write was logged by its task
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
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
    try (Processes.Running running = Processes.start(Mkfs.command(mkfsBinary, tree, temp, size))) {
      CURRENT.set(new Write(running, temp));
      Mkfs.check(running.await(), tree, temp, size);
      Files.move(temp, base, StandardCopyOption.ATOMIC_MOVE);
      LOG.info("wrote base disk {} in {} ms", base, (System.nanoTime() - started) / 1_000_000);
    } finally {
      CURRENT.set(null);
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

  private static void abandonCurrent() {
    Write write = CURRENT.getAndSet(null);
    if (write != null) {
      write.running().close();
      try {
        Files.deleteIfExists(write.temp());
      } catch (IOException e) {
        // the JVM is exiting; the next writer of this base deletes it (deleteStaleTemps)
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

  private record Write(Processes.Running running, Path temp) {}
}
