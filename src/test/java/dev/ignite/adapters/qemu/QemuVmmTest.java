package dev.ignite.adapters.qemu;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.api.Size;
import dev.ignite.api.Uid;
import dev.ignite.ports.VmLaunch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QemuVmmTest {
  @TempDir Path state;

  private VmLaunch launch(Path vmDir) {
    return new VmLaunch(
        new Uid("0123456789abcdef"),
        vmDir,
        Path.of("/boot/vmlinuz"),
        Optional.empty(),
        "console=ttyS0",
        1,
        Size.ofMiB(128),
        vmDir.resolve("disk.ext4"),
        List.of(),
        List.of(),
        0);
  }

  @Test
  void aMissingQemuNamesTheDebianPackage() {
    // Every machine here has QEMU, so it is hidden by an empty search path instead.
    QemuVmm vmm =
        new QemuVmm(
            new QemuBinary(List.of(state.resolve("empty"))),
            new PortAllocator(state.resolve("ports")),
            Map.of());

    assertThatThrownBy(() -> vmm.start(launch(state.resolve("vm"))))
        .isInstanceOf(IOException.class)
        .hasMessage("qemu-system-x86_64 not found; install the Debian package qemu-system-x86");
  }

  @Test
  void aStateFolderTooDeepForAUnixSocketIsRefusedUpFront() {
    Path deep = state.resolve("d".repeat(120));
    QemuVmm vmm =
        new QemuVmm(
            QemuBinary.fromEnvironment(), new PortAllocator(state.resolve("ports")), Map.of());

    assertThatThrownBy(() -> vmm.start(launch(deep)))
        .hasMessageContaining("too long for a unix socket")
        .hasMessageContaining("--state-dir");
  }
}
