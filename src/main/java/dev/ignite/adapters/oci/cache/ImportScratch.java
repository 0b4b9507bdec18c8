package dev.ignite.adapters.oci.cache;

import dev.ignite.adapters.oci.unpack.LayerTree;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import's own folder under the cache's {@code tmp/}, for its part files and the tree it
 * unpacks, beside a lock file it holds while it runs. An import killed outright (Ctrl-C, kill -9, a
 * crash) cannot clean up after itself, so each new import first removes the folders whose lock no
 * live process holds. The locks are the kernel's, released when their process dies.
 */
public final class ImportScratch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ImportScratch.class);
  private static final String PREFIX = "import.";
  private static final String LOCK = ".lock";
  private static final AtomicLong NEXT = new AtomicLong();
  private static final long LEGACY_PART_AGE_MS = 3_600_000;
  private final Path dir;
  private final Path lockFile;
  private final FileChannel lock;

  private ImportScratch(Path dir, Path lockFile, FileChannel lock) {
    this.dir = dir;
    this.lockFile = lockFile;
    this.lock = lock;
  }

  /** Sweeps what dead imports left in {@code tmp}, then makes and locks a folder of our own. */
  public static ImportScratch open(Path tmp) throws IOException {
    Files.createDirectories(tmp);
    sweep(tmp);
    while (true) {
      String name = PREFIX + Long.toHexString(System.nanoTime()) + "." + NEXT.incrementAndGet();
      Path lockFile = tmp.resolve(name + LOCK);
      FileChannel channel;
      try {
        channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        continue;
      }
      try {
        channel.lock();
        // A sweep may have taken the lock between create and lock, and removed the file.
        if (Files.exists(lockFile)) {
          return new ImportScratch(Files.createDirectory(tmp.resolve(name)), lockFile, channel);
        }
        channel.close();
      } catch (IOException | RuntimeException e) {
        channel.close();
        Files.deleteIfExists(lockFile);
        throw e;
      }
    }
  }

  /** Removes the folders of imports whose lock can be taken: their process is gone. */
  static void sweep(Path tmp) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.startsWith(PREFIX) && name.endsWith(LOCK)) {
          sweepOne(entry);
        } else if (name.endsWith(".part")) {
          sweepLegacyPart(entry);
        }
      }
    } catch (IOException e) {
      LOG.debug("could not sweep {}: {}", tmp, e.toString());
    }
  }

  /**
   * Imports before scratch folders wrote their part files straight into {@code tmp/}; one an hour
   * old is not being written (an import writes a part file at least every read timeout, 60 s).
   */
  private static void sweepLegacyPart(Path part) {
    try {
      BasicFileAttributes a =
          Files.readAttributes(part, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (a.isRegularFile()
          && a.lastModifiedTime().toMillis() < System.currentTimeMillis() - LEGACY_PART_AGE_MS) {
        Files.deleteIfExists(part);
        LOG.debug("removed {}, left by an import that did not finish", part);
      }
    } catch (IOException e) {
      LOG.debug("could not sweep {}: {}", part, e.toString());
    }
  }

  private static void sweepOne(Path lockFile) {
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock held = channel.tryLock()) {
      if (held == null) {
        return; // another live process is importing
      }
      String name = lockFile.getFileName().toString();
      Path dir = lockFile.resolveSibling(name.substring(0, name.length() - LOCK.length()));
      LayerTree.deleteTree(dir);
      Files.deleteIfExists(lockFile);
      LOG.debug("removed {}, left by an import that did not finish", dir);
    } catch (OverlappingFileLockException | NoSuchFileException e) {
      // an import of this process, still running; or one that finished meanwhile
    } catch (IOException e) {
      LOG.debug("could not sweep {}: {}", lockFile, e.toString());
    }
  }

  public Path dir() {
    return dir;
  }

  /** Deletes the folder and what is still in it, then the lock file, then lets the lock go. */
  @Override
  public void close() {
    try {
      LayerTree.deleteTree(dir);
      Files.deleteIfExists(lockFile);
    } catch (IOException e) {
      LOG.warn("could not remove {}: {}", dir, e.toString());
    } finally {
      try {
        lock.close();
      } catch (IOException e) {
        LOG.debug("closing {}: {}", lockFile, e.toString());
      }
    }
  }
}
