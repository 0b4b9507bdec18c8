package dev.ignite.cli;

import dev.ignite.ports.ImportProgress;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows an import's progress: a bar per layer download and per layer unpack on a terminal, one line
 * per finished one otherwise (logs and CI). Writes to stderr so that stdout carries only results.
 */
final class ProgressPrinter implements ImportProgress, AutoCloseable {
  private final PrintWriter err;
  private final boolean terminal;
  private final Map<String, ProgressBar> bars = new HashMap<>();
  private final Set<String> finished = new HashSet<>();

  ProgressPrinter(PrintWriter err, boolean quiet) {
    this.err = quiet ? null : err;
    this.terminal = System.console() != null;
  }

  @Override
  public synchronized void onBlob(String digest, long done, long total) {
    step(digest, shortDigest(digest), done, total, () -> shortDigest(digest) + ": " + human(total));
  }

  /**
   * A registry import unpacks each layer while it downloads, and the unpack may end a while after
   * the download for a large layer: it gets a bar (or a line) of its own.
   */
  @Override
  public synchronized void onUnpack(String digest, long done, long total) {
    String name = shortDigest(digest) + " unpack";
    step("unpack " + digest, name, done, total, () -> shortDigest(digest) + ": unpacked");
  }

  /** {@code doneLine} is made only when it is printed: this runs for every chunk of every layer. */
  private void step(String key, String name, long done, long total, Supplier<String> doneLine) {
    if (err == null || finished.contains(key)) {
      return;
    }
    if (terminal) {
      bar(key, name, total).stepTo(done);
    }
    if (total >= 0 && done >= total) {
      finished.add(key);
      ProgressBar bar = bars.remove(key);
      if (bar != null) {
        bar.close();
      } else {
        err.println(doneLine.get());
        err.flush();
      }
    }
  }

  private ProgressBar bar(String key, String name, long total) {
    return bars.computeIfAbsent(
        key,
        k ->
            new ProgressBarBuilder()
                .setTaskName(name)
                .setInitialMax(Math.max(total, 0))
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" MiB", 1 << 20)
                .build());
  }

  private static String shortDigest(String digest) {
    String hex = digest.startsWith("sha256:") ? digest.substring(7) : digest;
    return hex.substring(0, Math.min(12, hex.length()));
  }

  static String human(long bytes) {
    return dev.ignite.api.Size.ofBytes(Math.max(bytes, 0)).human();
  }

  @Override
  public synchronized void close() {
    bars.values().forEach(ProgressBar::close);
    bars.clear();
  }
}
