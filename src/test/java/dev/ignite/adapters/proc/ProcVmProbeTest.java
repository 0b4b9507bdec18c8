package dev.ignite.adapters.proc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.api.ObjectMeta;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import dev.ignite.api.VmStatus;
import org.junit.jupiter.api.Test;

class ProcVmProbeTest {
  private static Vm withRuntimeId(String id) {
    VmStatus s =
        VmStatus.EMPTY.withRunning(true).withRuntime(new VmStatus.RuntimeStatus("qemu", id));
    return new Vm(ObjectMeta.named("a"), VmSpec.UNSET, s);
  }

  @Test
  void seesALiveProcess() {
    String self = Long.toString(ProcessHandle.current().pid());
    assertThat(new ProcVmProbe().observeRunning(withRuntimeId(self))).contains(true);
  }

  @Test
  void seesAProcessThatIsGone() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    String gone = Long.toString(p.pid());
    assertThat(new ProcVmProbe().observeRunning(withRuntimeId(gone))).contains(false);
  }

  @Test
  void cannotTellWithoutANumericPid() {
    assertThat(new ProcVmProbe().observeRunning(withRuntimeId("../1"))).isEmpty();
    assertThat(new ProcVmProbe().observeRunning(new Vm(ObjectMeta.named("a"), VmSpec.UNSET, null)))
        .isEmpty();
  }
}
