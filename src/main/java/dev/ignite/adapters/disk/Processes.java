package dev.ignite.adapters.disk;

import java.io.IOException;
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

  static Result run(List<String> command) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      return new Result(process.waitFor(), output);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    }
  }
}
