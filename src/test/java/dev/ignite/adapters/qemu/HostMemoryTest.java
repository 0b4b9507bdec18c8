package dev.ignite.adapters.qemu;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.api.Size;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostMemoryTest {
  @TempDir Path tmp;

  private Path meminfo(String memTotalKb) throws IOException {
    return Files.writeString(
        tmp.resolve("meminfo"),
        "MemTotal:       " + memTotalKb + " kB\nMemFree:         1024 kB\n");
  }

  @Test
  void refusesMoreMemoryThanTheHostHas() throws Exception {
    Path info = meminfo("4194304"); // 4 GiB

    assertThatThrownBy(() -> HostMemory.check(Size.ofGiB(5), info))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("spec.memory: 5GB is more than this host's RAM (4096MB)");
  }

  @Test
  void acceptsMemoryWithinTheHostsRam() throws Exception {
    Path info = meminfo("4194304");

    assertThatCode(() -> HostMemory.check(Size.ofGiB(4), info)).doesNotThrowAnyException();
  }

  @Test
  void refusesAbsurdMemoryOnThisHost() {
    assertThatThrownBy(() -> HostMemory.check(Size.ofGiB(1L << 30), HostMemory.MEMINFO))
        .hasMessageContaining("is more than this host's RAM");
  }
}
