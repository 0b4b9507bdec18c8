package dev.ignite.adapters.disk;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a short-lived tool and keeps its output for error messages. */
final class Processes {
  private Processes() {}

  record Result(int exitCode, String output) {
    boolean ok() {
      return exitCode == 0;
    }

    Result orThrow(String what) throws IOException {
      if (!ok()) {
        throw new IOException(what + " failed (exit " + exitCode + "): " + output.strip());
      }
      return this;
    }
  }

  /** A started tool: the caller does other work while it runs, then awaits or stops it. */
  static final class Running implements AutoCloseable {
    private final Process process;
    private final String name;

    private Running(Process process, String name) {
      this.process = process;
      this.name = name;
    }

    /** Waits for the end; output is read after the work in between (tools here print little). */
    Result await() throws IOException {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      try {
        return new Result(process.waitFor(), output);
      } catch (InterruptedException e) {
        close();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while running " + name, e);
      }
    }

    /** Stops the tool if it still runs (a failed build must not leave it writing a file). */
    @Override
    public void close() {
      if (process.isAlive()) {
        process.destroyForcibly();
        process.onExit().join();
      }
    }
  }

  static Result run(List<String> command) throws IOException {
    return start(command).await();
  }

  /** Runs {@code command} with {@code input} on its standard input. */
  static Result run(List<String> command, String input) throws IOException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    // fed from another thread: a tool that echoes its input would otherwise fill the output pipe
    // while this thread is still writing, and both would wait forever
    IOException[] failed = new IOException[1];
    Thread feeder =
        new Thread(
            () -> {
              try (OutputStream in = process.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
              } catch (IOException e) {
                failed[0] = e;
              }
            },
            command.get(0) + "-input");
    feeder.setDaemon(true);
    feeder.start();
    Result result = new Running(process, command.get(0)).await();
    try {
      feeder.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while feeding " + command.get(0), e);
    }
    if (failed[0] != null && result.ok()) {
      throw new IOException("feeding " + command.get(0) + " its input failed", failed[0]);
    }
    return result;
  }

  static Running start(List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    return new Running(process, command.get(0));
  }
}
