package dev.ignite.adapters.store;

import dev.ignite.ports.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The store's lock: an OS file lock on {@code <state>/.lock} excludes other processes, and a JVM
 * lock per lock file excludes other threads (a FileLock cannot be taken twice by one JVM: it throws
 * OverlappingFileLockException). Reentrant, so a locked action may call put().
 */
final class StoreLock {
  private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

  private final Path file;
  private final ReentrantLock jvmLock;

  StoreLock(Path file) {
    this.file = file.toAbsolutePath().normalize();
    this.jvmLock = IN_JVM.computeIfAbsent(this.file, f -> new ReentrantLock());
  }

  <R> R run(Supplier<R> action) {
    jvmLock.lock();
    try {
      if (jvmLock.getHoldCount() > 1) {
        return action.get();
      }
      try (FileChannel ch =
              FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = ch.lock()) {
        return action.get();
      } catch (IOException e) {
        throw new StoreException("cannot lock " + file + ": " + e.getMessage(), e);
      }
    } finally {
      jvmLock.unlock();
    }
  }
}
