package dev.ignite.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Runs ignite in-process against one state dir, capturing what it prints. */
record CliRun(int exitCode, String out, String err) {
  static CliRun ignite(Path stateDir, String... args) {
    // no kernel built in this (absent) build folder: the default kernel is the host's
    return ignite(stateDir, stateDir.resolve("no-kernel-build"), args);
  }

  /** As {@link #ignite(Path, String...)}, with Ignite's kernel builds in {@code kernelBuildDir}. */
  static CliRun ignite(Path stateDir, Path kernelBuildDir, String... args) {
    CommandLine cl =
        Ignite.commandLine(
            Map.of(
                "IGNITE_STATE_DIR",
                stateDir.toString(),
                "IGNITE_KERNEL_BUILD_DIR",
                kernelBuildDir.toString()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    cl.getOut().flush();
    cl.getErr().flush();
    return new CliRun(code, out.toString(), err.toString());
  }
}
