package dev.ignite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Without a terminal (tests, logs, CI) each finished download and unpack is one line. */
class ProgressPrinterTest {
  private static final String LAYER = "sha256:" + "ab12".repeat(16);

  @Test
  void printsOneLinePerFinishedDownloadAndUnpack() {
    StringWriter out = new StringWriter();
    try (ProgressPrinter p = new ProgressPrinter(new PrintWriter(out), false)) {
      p.onBlob(LAYER, 0, 3_000_000);
      p.onUnpack(LAYER, 0, 3_000_000);
      p.onBlob(LAYER, 3_000_000, 3_000_000);
      p.onUnpack(LAYER, 1_000_000, 3_000_000);
      p.onUnpack(LAYER, 3_000_000, 3_000_000);
      p.onUnpack(LAYER, 3_000_000, 3_000_000); // a repeated last event prints nothing more
    }
    assertThat(out.toString().lines())
        .containsExactly("ab12ab12ab12: 2.9 MB", "ab12ab12ab12: unpacked");
  }

  @Test
  void quietPrintsNothing() {
    StringWriter out = new StringWriter();
    try (ProgressPrinter p = new ProgressPrinter(new PrintWriter(out), true)) {
      p.onBlob(LAYER, 10, 10);
      p.onUnpack(LAYER, 10, 10);
    }
    assertThat(out.toString()).isEmpty();
  }
}
