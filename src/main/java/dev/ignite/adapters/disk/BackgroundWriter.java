package dev.ignite.adapters.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one thread per JVM that writes base disks, and what happens to its work at exit. One base at
 * a time: they are a cache, and two mkfs at once would take both cores from the VMs being started.
 * A JVM that exits (Ctrl-C, or after {@link #awaitWrites(Duration)} gave up) stops the write in
 * progress and deletes its file, so mkfs never goes on writing a file nobody will rename.
 */
final class BackgroundWriter {
  private static final ExecutorService THREAD =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "base-disk-writer");
            t.setDaemon(true);
            return t;
          });
  private static final AtomicReference<Write> CURRENT = new AtomicReference<>();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(BackgroundWriter::abandonCurrent, "base-disk-writer-stop"));
  }

  private BackgroundWriter() {}

  static void submit(Runnable work) {
    Disks.noteBackgroundWrite();
    THREAD.execute(work);
  }

  /** Marks {@code running}, writing {@code temp}, as the write to stop at exit. */
  static void started(Processes.Running running, Path temp) {
    CURRENT.set(new Write(running, temp));
  }

  static void ended() {
    CURRENT.set(null);
  }

  /**
   * Waits up to {@code max} for the writes submitted so far; false if one still runs. Tests wait
   * here before their temp folders, which the bases are written into, are deleted.
   */
  static boolean awaitWrites(Duration max) {
    try {
      THREAD.submit(() -> {}).get(max.toMillis(), TimeUnit.MILLISECONDS);
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

  private static void abandonCurrent() {
    Write write = CURRENT.getAndSet(null);
    if (write != null) {
      write.running().close();
      try {
        Files.deleteIfExists(write.temp());
      } catch (IOException e) {
        // the JVM is exiting; the next writer of this base deletes it (its stale temps)
      }
    }
  }

  private record Write(Processes.Running running, Path temp) {}
}
