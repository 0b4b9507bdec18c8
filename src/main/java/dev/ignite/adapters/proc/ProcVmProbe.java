package dev.ignite.adapters.proc;

import dev.ignite.api.Vm;
import dev.ignite.api.VmStatus;
import dev.ignite.ports.VmProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Tells whether a VM's runtime process (its pid in {@code status.runtime.id}) still exists, by
 * looking for {@code /proc/<pid>}. The QEMU runtime refines this later (pid reuse, QMP).
 */
public final class ProcVmProbe implements VmProbe {
  private final Path proc;

  public ProcVmProbe() {
    this(Path.of("/proc"));
  }

  ProcVmProbe(Path proc) {
    this.proc = proc;
  }

  @Override
  public Optional<Boolean> observeRunning(Vm vm) {
    VmStatus.RuntimeStatus runtime = vm.status().runtime();
    if (runtime == null || runtime.id() == null || !runtime.id().matches("[0-9]{1,10}")) {
      return Optional.empty();
    }
    // The pid was checked to be digits only, so it names a folder directly under /proc.
    return Optional.of(Files.isDirectory(proc.resolve(runtime.id())));
  }
}
