package dev.ignite.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootFailureTest {
  @TempDir Path dir;

  @Test
  void namesTheKernelPanicAndAsksForMemoryWhenTheGuestRanOutOfIt() throws Exception {
    Path log = dir.resolve("console.log");
    Files.writeString(
        log,
        "[    1.2] kworker/u2:0 invoked oom-killer: gfp_mask=0x1100cca\n"
            + "[    1.3] Out of memory and no killable processes...\n"
            + "[    1.4] Kernel panic - not syncing: System is deadlocked on memory\n"
            + "[    1.5] Kernel Offset: 0x1aa00000 from 0xffffffff81000000\n");

    assertThat(BootFailure.explain(log))
        .hasValueSatisfying(
            why ->
                assertThat(why)
                    .contains("Kernel panic - not syncing: System is deadlocked on memory")
                    .contains("--memory")
                    .doesNotContain("[    1.4]"));
  }

  @Test
  void quotesTheLastConsoleLineWhenThereWasNoPanic() throws Exception {
    Path log = dir.resolve("console.log");
    Files.writeString(log, "[    0.1] Linux version 6.1\n[    2.0] reboot: Power down\n\n");

    assertThat(BootFailure.explain(log)).hasValue("the console's last line: reboot: Power down");
  }

  @Test
  void saysNothingWithoutAConsoleLog() {
    assertThat(BootFailure.explain(dir.resolve("missing.log"))).isEmpty();
  }
}
