package dev.ignite.adapters.disk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One process per VM disk: a shell runs the step that fills the file (mkfs, or a copy of the base
 * disk) and then debugfs, which reads the VM's files from a script on standard input. A process
 * start from the JVM costs about 2 ms, a third of what placing the VM's files costs on a small
 * image; the script is fed while the first step runs. Paths go to the shell as arguments, never
 * into its script text.
 */
final class DiskWrite implements AutoCloseable {
  private static final String MARK = "@@ignite-debugfs-starts@@";
  private static final String SHELL =
      "d=$1; t=$2; shift 2; \"$@\" </dev/null || exit; echo "
          + MARK
          + "; exec \"$d\" -w -f - \"$t\"";

  /** What each step printed; no debugfs result when the fill step failed. */
  record Outcome(Processes.Result fill, Optional<Processes.Result> debugfs) {}

  private final Processes.Running shell;

  private DiskWrite(Processes.Running shell) {
    this.shell = shell;
  }

  static DiskWrite start(Path debugfs, Path disk, List<String> fill) throws IOException {
    List<String> command = new ArrayList<>(List.of("sh", "-c", SHELL, "sh"));
    command.add(debugfs.toString());
    command.add(disk.toString());
    command.addAll(fill);
    return new DiskWrite(Processes.startFed(command));
  }

  /** Hands debugfs its commands (it starts reading them once the fill step is done). */
  void feed(String debugfsScript) {
    shell.feed(debugfsScript);
  }

  Outcome await() throws IOException {
    Processes.Result all = shell.await();
    String out = all.output();
    int at = ("\n" + out).indexOf("\n" + MARK + "\n");
    if (at < 0) {
      return new Outcome(
          new Processes.Result(all.ok() ? 1 : all.exitCode(), out), Optional.empty());
    }
    String debugfs = out.substring(at + MARK.length() + 1);
    return new Outcome(
        new Processes.Result(0, out.substring(0, at)),
        Optional.of(new Processes.Result(all.exitCode(), debugfs)));
  }

  @Override
  public void close() {
    shell.close();
  }
}
