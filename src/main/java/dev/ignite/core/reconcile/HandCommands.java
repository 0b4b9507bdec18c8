package dev.ignite.core.reconcile;

import dev.ignite.api.Ownership;
import dev.ignite.api.Vm;
import dev.ignite.ports.LocalChanges;
import java.util.Optional;

/** What users did by hand to a managed VM that its repository does not say yet. */
record HandCommands(LocalChanges changes) {
  /** The user's last command on the VM, when it stopped or removed it. */
  Optional<LocalChanges.Change> stoppedOrRemoved(Vm vm) {
    return Ownership.owner(vm).stream()
        .flatMap(repository -> changes.pending(repository).stream())
        .filter(c -> c.uid().equals(vm.uid()))
        .reduce((first, last) -> last)
        .filter(c -> c.kind() != LocalChanges.Kind.STARTED);
  }
}
