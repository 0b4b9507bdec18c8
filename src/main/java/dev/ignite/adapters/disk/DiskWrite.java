package dev.ignite.adapters.disk;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The two tools that write a VM disk: the step that fills the file (mkfs, or a copy of the base
 * disk), then debugfs with the VM's files. Both start at once: debugfs is started without a file
 * system and waits for its commands on standard input, so its process start and library loading
 * (about 1.5 ms, 5–7% of mkfs on a small image) happen while mkfs runs; it is told to {@code open}
 * the disk once the fill step has ended.
 */
final class DiskWrite implements AutoCloseable {
  /**
   * What each step printed (no debugfs result when the fill step failed), and the commands debugfs
   * was given: its output echoes them.
   */
  record Outcome(Processes.Result fill, Optional<Processes.Result> debugfs, String debugfsInput) {}

  private final Processes.Running fill;
  private final Processes.Running debugfs;

  private DiskWrite(Processes.Running fill, Processes.Running debugfs) {
    this.fill = fill;
    this.debugfs = debugfs;
  }

  static DiskWrite start(List<String> fill, Path debugfs) throws IOException {
    Processes.Running filling = Processes.start(fill);
    try {
      return new DiskWrite(filling, Processes.startFed(List.of(debugfs.toString(), "-f", "-")));
    } catch (IOException | RuntimeException e) {
      filling.close();
      throw e;
    }
  }

  /** Waits for the fill step, then has debugfs run {@code script} on {@code disk}. */
  Outcome finish(Path disk, String script) throws IOException {
    DebugfsLine.checkHostPath(disk);
    String input = DebugfsLine.of("open -w", disk.toString()) + script;
    Processes.Result filled = fill.await();
    if (!filled.ok()) {
      return new Outcome(filled, Optional.empty(), input);
    }
    debugfs.feed(input);
    return new Outcome(filled, Optional.of(debugfs.await()), input);
  }

  @Override
  public void close() {
    fill.close();
    debugfs.close();
  }
}
