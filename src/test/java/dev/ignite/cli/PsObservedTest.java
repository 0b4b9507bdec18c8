package dev.ignite.cli;

import static dev.ignite.cli.CliRun.ignite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PsObservedTest {
  @TempDir Path state;
  private Process standIn;

  @AfterEach
  void stopStandIn() {
    if (standIn != null) {
      standIn.destroyForcibly();
    }
  }

  @Test
  void listsAVmRecordedStoppedWhoseProcessIsAliveAndMarksIt() throws Exception {
    String uid = ignite(state, "create", "busybox", "--name", "alive", "-q").out().trim();
    assertThat(ignite(state, "ps", "-q").out()).isBlank();

    // "Recorded stopped, QEMU alive" arises only from a crash between QEMU's launch and the status
    // write, which cannot be produced on demand; a process whose argv reads as this VM's QEMU
    // (argv[0] qemu-system-x86_64, -name guest=ignite-UID) stands in for it.
    String name = "guest=ignite-" + uid + ",process=ignite-" + uid;
    standIn =
        new ProcessBuilder(
                "bash", "-c", "exec -a qemu-system-x86_64 /bin/sh -c 'sleep 60; :' -name " + name)
            .start();
    Path cmdline = Path.of("/proc", Long.toString(standIn.pid()), "cmdline");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.readString(cmdline).startsWith("qemu-system-x86_64\0"));
    Files.writeString(state.resolve("vms").resolve(uid).resolve("qemu.pid"), standIn.pid() + "\n");

    assertThat(ignite(state, "ps", "-q").out().trim()).isEqualTo(uid);
    assertThat(ignite(state, "ps").out()).contains("alive").contains("*");
  }
}
