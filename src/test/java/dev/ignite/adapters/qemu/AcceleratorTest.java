package dev.ignite.adapters.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AcceleratorTest {
  @TempDir Path dir;

  @Test
  void softwareEmulationWhenThereIsNoKvmDevice() throws IOException {
    Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"), "flags\t\t: fpu vme vmx sse2\n");

    assertThat(Accelerator.choose(Map.of(), dir.resolve("no-kvm"), cpuinfo))
        .isEqualTo(Accelerator.TCG);
  }

  @Test
  void softwareEmulationWhenTheCpuLacksVmxAndSvm() throws IOException {
    // /dev/kvm that opens but is paravirtual (kvm-pvm) hangs QEMU guests; a plain file stands in.
    Path device = Files.writeString(dir.resolve("kvm"), "");
    Path cpuinfo =
        Files.writeString(dir.resolve("cpuinfo"), "flags\t\t: fpu vme sse2 hypervisor\n");

    assertThat(Accelerator.choose(Map.of(), device, cpuinfo)).isEqualTo(Accelerator.TCG);
  }

  @Test
  void kvmWhenTheDeviceOpensAndTheCpuVirtualises() throws IOException {
    Path device = Files.writeString(dir.resolve("kvm"), "");
    Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"), "flags\t\t: fpu svm sse2\n");

    assertThat(Accelerator.choose(Map.of(), device, cpuinfo)).isEqualTo(Accelerator.KVM);
  }

  @Test
  void theEnvironmentForcesEither() throws IOException {
    Path device = Files.writeString(dir.resolve("kvm"), "");
    Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"), "flags\t\t: vmx\n");

    assertThat(Accelerator.choose(Map.of("IGNITE_ACCEL", "tcg"), device, cpuinfo))
        .isEqualTo(Accelerator.TCG);
    assertThat(Accelerator.choose(Map.of("IGNITE_ACCEL", "KVM"), dir.resolve("none"), cpuinfo))
        .isEqualTo(Accelerator.KVM);
  }
}
