package dev.ignite.core.reconcile;

import dev.ignite.api.Ownership;
import dev.ignite.api.Vm;
import java.util.Optional;

/**
 * One thing to do to one VM in a sync. {@code current} is the VM as the host has it, {@code
 * desired} as its file declares it; {@code reason} says why, in words for the log and the VM's
 * condition.
 */
public record Step(
    Action action, String name, Optional<Vm> current, Optional<DesiredVm> desired, String reason) {

  public enum Action {
    /** Record the VM; start it when its file wants it running. */
    CREATE,
    /** Boot a recorded VM that should run and does not. */
    START,
    /** Power off a VM whose file no longer wants it running. */
    STOP,
    /** Stop (if running), take the new spec, start again when wanted. */
    RESTART,
    /** The root disk must change: stop, remove, create anew on a new disk. */
    RECREATE,
    /** The VM's file is gone: stop it and remove it. */
    REMOVE,
    /** The file asks for something that cannot be done as asked; the host is left as it is. */
    REFUSE,
    /** Nothing to do. */
    KEEP
  }

  public String file() {
    return desired.map(DesiredVm::file).or(() -> current.flatMap(Ownership::file)).orElse("");
  }

  static Step keep(Vm current, DesiredVm desired, String reason) {
    return new Step(
        Action.KEEP, current.name(), Optional.of(current), Optional.of(desired), reason);
  }
}
