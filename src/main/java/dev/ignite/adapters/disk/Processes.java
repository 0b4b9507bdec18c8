package dev.ignite.adapters.disk;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a short-lived tool and keeps its output for error messages. */
final class Processes {
  // Linux pipes hold 64 KiB: this much input plus the tool's echo of it never blocks either side.
  private static final int INLINE_INPUT = 16 * 1024;

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
    private Thread feeder;
    private IOException feedFailure;

    private Running(Process process, String name) {
      this.process = process;
      this.name = name;
    }

    /**
     * Writes {@code input} to the tool's standard input and closes it. Input larger than a pipe
     * holds is written from another thread: a tool that echoes its input would otherwise fill its
     * output pipe while this thread still writes, and both would wait forever.
     */
    void feed(String input) {
      byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
      if (bytes.length <= INLINE_INPUT) {
        try (OutputStream in = process.getOutputStream()) {
          in.write(bytes);
        } catch (IOException e) {
          feedFailure = e; // a tool that died early: its own output says why (see await)
        }
        return;
      }
      feeder =
          new Thread(
              () -> {
                try (OutputStream in = process.getOutputStream()) {
                  in.write(bytes);
                } catch (IOException e) {
                  feedFailure = e;
                }
              },
              name + "-input");
      feeder.setDaemon(true);
      feeder.start();
    }

    /** Waits for the end; output is read after the work in between (tools here print little). */
    Result await() throws IOException {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      try {
        Result result = new Result(process.waitFor(), output);
        if (feeder != null) {
          feeder.join();
        }
        if (feedFailure != null && result.ok()) {
          throw new IOException("feeding " + name + " its input failed", feedFailure);
        }
        return result;
      } catch (InterruptedException e) {
        close();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while running " + name, e);
      }
    }

    /** Stops the tool and what it started if still running: a failed build must not go on. */
    @Override
    public void close() {
      if (process.isAlive()) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.onExit().join();
      }
    }
  }

  /** Starts {@code command} with nothing on its standard input. */
  static Running start(List<String> command) throws IOException {
    return start(command, ProcessBuilder.Redirect.from(new File("/dev/null")));
  }

  /** Starts {@code command}; its standard input is given later with {@link Running#feed}. */
  static Running startFed(List<String> command) throws IOException {
    return start(command, ProcessBuilder.Redirect.PIPE);
  }

  private static Running start(List<String> command, ProcessBuilder.Redirect input)
      throws IOException {
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectInput(input).start();
    return new Running(process, command.get(0));
  }
}
