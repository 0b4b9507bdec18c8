package dev.ignite.core;

import dev.ignite.api.Condition;
import dev.ignite.api.Vm;
import dev.ignite.api.VmStatus;
import dev.ignite.ports.StateStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Status writes for VMs: re-read under the lock, change, write, so no other writer is lost. */
final class VmStatuses {
  static final String READY = "Ready";

  private VmStatuses() {}

  /** Applies {@code change} to the stored VM's status; false when the VM is gone meanwhile. */
  static Vm update(StateStore store, Vm vm, UnaryOperator<VmStatus> change) {
    return store.withLock(
        () -> {
          Vm current = store.get(Vm.class, vm.uid()).orElse(null);
          if (current == null) {
            return vm.withStatus(change.apply(vm.status()));
          }
          Vm updated = current.withStatus(change.apply(current.status()));
          store.put(updated);
          return updated;
        });
  }

  /** The status with the {@code Ready} condition replaced; the transition time moves on change. */
  static VmStatus ready(VmStatus s, boolean ready, String reason, String message, Instant now) {
    List<Condition> conditions = new ArrayList<>();
    Instant since = now;
    for (Condition c : s.conditions()) {
      if (c.type().equals(READY)) {
        if (c.status().equals(ready ? "True" : "False") && c.lastTransitionTime() != null) {
          since = c.lastTransitionTime();
        }
      } else {
        conditions.add(c);
      }
    }
    conditions.add(new Condition(READY, ready ? "True" : "False", reason, message, since));
    return s.withConditions(conditions);
  }

  /** A stopped VM: not running, no runtime handle, no addresses. */
  static VmStatus stopped(VmStatus s, String reason, String message, Instant now) {
    return ready(
        s.withRunning(false).withRuntime(null).withNetwork(null), false, reason, message, now);
  }
}
