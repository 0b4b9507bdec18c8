package dev.ignite.ports;

import dev.ignite.api.Vm;
import java.util.Optional;

/**
 * Observes whether a VM's runtime is really there, so a status that the host recorded can be
 * checked against what is running now.
 */
public interface VmProbe {
  /** True when the VM's process is alive, false when it is gone, empty when it cannot be told. */
  Optional<Boolean> observeRunning(Vm vm);
}
