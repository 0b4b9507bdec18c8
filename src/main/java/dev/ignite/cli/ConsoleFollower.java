package dev.ignite.cli;

import dev.ignite.api.Vm;
import dev.ignite.core.VmLifecycle;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Prints a VM's serial console log, and with follow keeps printing what QEMU appends until the VM
 * stops (or Ctrl-C). QEMU writes the serial port to a file, so this is read-only.
 */
final class ConsoleFollower {
  private static final long POLL_MILLIS = 200;

  private ConsoleFollower() {}

  static void print(VmLifecycle lifecycle, Vm vm, PrintWriter out) {
    Path log = lifecycle.consoleLog(vm);
    try {
      copy(log, 0, out);
    } catch (NoSuchFileException e) {
      throw new CliException("VM " + vm.name() + " has no console log yet: it was never started");
    } catch (IOException e) {
      throw new CliException("cannot read " + log + ": " + e.getMessage());
    }
  }

  static void follow(VmLifecycle lifecycle, Vm vm, PrintWriter out) {
    Path log = lifecycle.consoleLog(vm);
    long offset = 0;
    try {
      while (true) {
        boolean alive = lifecycle.observe(vm).isPresent();
        offset = Files.exists(log) ? copy(log, offset, out) : offset;
        if (!alive) {
          return;
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (IOException e) {
      throw new CliException("cannot read " + log + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Prints the file from {@code offset} to its current end; returns the new offset. */
  private static long copy(Path log, long offset, PrintWriter out) throws IOException {
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      if (file.length() < offset) {
        offset = 0; // truncated or replaced: start over
      }
      file.seek(offset);
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = file.read(buffer)) > 0) {
        out.print(new String(buffer, 0, n, StandardCharsets.UTF_8));
        offset += n;
      }
      out.flush();
      return offset;
    } catch (java.io.FileNotFoundException e) {
      throw new NoSuchFileException(log.toString());
    }
  }
}
