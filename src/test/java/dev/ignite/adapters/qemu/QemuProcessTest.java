package dev.ignite.adapters.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.api.Uid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QemuProcessTest {
  private static final Uid UID = new Uid("0123456789abcdef");
  @TempDir Path vmDir;

  @Test
  void aLivePidThatIsNotOurQemuIsNotRunning() throws IOException {
    // A reused pid: the pid file names a live process, this test's JVM, which is not the VM.
    Files.writeString(vmDir.resolve("qemu.pid"), ProcessHandle.current().pid() + "\n");

    assertThat(QemuProcess.find(UID, new VmFiles(vmDir))).isEmpty();
  }

  @Test
  void noPidFileMeansNotRunning() {
    assertThat(QemuProcess.find(UID, new VmFiles(vmDir))).isEmpty();
  }

  @Test
  void recognisesOnlyTheQemuOfThisVm() {
    List<String> ours =
        List.of("/usr/bin/qemu-system-x86_64", "-name", QemuCommand.guestName(UID), "-m", "1M");
    List<String> other =
        List.of("/usr/bin/qemu-system-x86_64", "-name", QemuCommand.guestName(new Uid("ffff")));

    assertThat(QemuProcess.isOurs(ours, UID)).isTrue();
    assertThat(QemuProcess.isOurs(other, UID)).isFalse();
    assertThat(QemuProcess.isOurs(List.of("/bin/sleep", "-name", QemuCommand.guestName(UID)), UID))
        .isFalse();
  }
}
