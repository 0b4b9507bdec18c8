package dev.ignite.core;

import dev.ignite.api.Ownership;
import dev.ignite.api.Vm;
import dev.ignite.ports.LocalChanges;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records what a user does by hand to a VM that a repository manages, so the daemon can commit it
 * to the VM's file (the seed: local changes go back to Git). VMs made by hand are not recorded.
 */
final class ManualChanges {
  private static final AtomicLong SEQUENCE = new AtomicLong();

  private final LocalChanges changes;
  private final String host;
  private final Clock clock;

  ManualChanges(LocalChanges changes, String host, Clock clock) {
    this.changes = changes;
    this.host = host;
    this.clock = clock;
  }

  void record(Vm vm, LocalChanges.Kind kind, String command) {
    Optional<String> owner = Ownership.owner(vm);
    if (owner.isEmpty()) {
      return;
    }
    var now = clock.instant();
    String id =
        now.toEpochMilli()
            + "-"
            + ProcessHandle.current().pid()
            + "-"
            + SEQUENCE.incrementAndGet()
            + "-"
            + vm.uid().value();
    changes.record(
        new LocalChanges.Change(
            id,
            owner.get(),
            Ownership.file(vm).orElse(""),
            vm.name(),
            vm.uid(),
            kind,
            command,
            host,
            now));
  }

  Optional<String> note(Vm vm) {
    return Ownership.owner(vm)
        .map(
            repo ->
                changes.readOnly(repo)
                    ? "VM "
                        + vm.name()
                        + " is managed by "
                        + repo
                        + ", whose daemon runs read-only: Git's state will be restored at its"
                        + " next sync"
                    : "VM "
                        + vm.name()
                        + " is managed by "
                        + repo
                        + ": the daemon commits this change to "
                        + Ownership.file(vm).orElse("its file"));
  }
}
