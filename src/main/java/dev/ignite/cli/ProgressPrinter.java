package dev.ignite.cli;

import dev.ignite.ports.ImportProgress;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows an import's progress: a bar per layer on a terminal, one line per finished layer otherwise
 * (logs and CI). Writes to stderr so that stdout carries only results.
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
    if (err == null || finished.contains(digest)) {
      return;
    }
    if (terminal) {
      bar(digest, total).stepTo(done);
    }
    if (total >= 0 && done >= total) {
      finished.add(digest);
      ProgressBar bar = bars.remove(digest);
      if (bar != null) {
        bar.close();
      } else {
        err.printf("%s: %s%n", shortDigest(digest), human(total));
        err.flush();
      }
    }
  }

  private ProgressBar bar(String digest, long total) {
    return bars.computeIfAbsent(
        digest,
        d ->
            new ProgressBarBuilder()
                .setTaskName(shortDigest(d))
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
