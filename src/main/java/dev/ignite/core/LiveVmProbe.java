package dev.ignite.core;

import dev.ignite.api.Vm;
import dev.ignite.ports.ObjectDirs;
import dev.ignite.ports.VmProbe;
import dev.ignite.ports.Vmm;
import java.util.Optional;

/** Observes a VM through its hypervisor (pid file checked against the process's command line). */
public final class LiveVmProbe implements VmProbe {
  private final Vmm vmm;
  private final ObjectDirs dirs;

  public LiveVmProbe(Vmm vmm, ObjectDirs dirs) {
    this.vmm = vmm;
    this.dirs = dirs;
  }

  @Override
  public Optional<Boolean> observeRunning(Vm vm) {
    return Optional.of(vmm.state(vm.uid(), dirs.dir(Vm.class, vm.uid())).isPresent());
  }
}
