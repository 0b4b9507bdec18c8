package dev.ignite.gitops;

import dev.ignite.api.Condition;
import dev.ignite.api.Vm;
import dev.ignite.api.VmStatus;
import dev.ignite.core.reconcile.Outcome;
import dev.ignite.core.reconcile.Planner;
import dev.ignite.core.reconcile.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The status a VM's file gets after a sync: what the host observed, with {@code running} kept as
 * the user's wish and a {@code Ready} condition that says in words what is wrong, if anything.
 */
final class ObservedStatus {
  static final String READY = "Ready";

  private ObservedStatus() {}

  /**
   * @param wish the file's {@code status.running}
   * @param vm the VM as the host has it after the sync, empty when it has none
   * @param alive whether its process runs now
   * @param outcome what this sync did to it, if anything
   * @param problems what is wrong with its file or its spec
   */
  static VmStatus of(
      boolean wish,
      Optional<Vm> vm,
      boolean alive,
      Optional<Outcome> outcome,
      List<String> problems,
      Instant now) {
    VmStatus s = vm.map(Vm::status).orElse(VmStatus.EMPTY);
    if (!alive) {
      s = s.withRuntime(null).withNetwork(null);
    }
    if (!problems.isEmpty()) {
      s = ready(s, false, "InvalidManifest", String.join("; ", problems), now);
    } else if (outcome.flatMap(Outcome::error).isPresent()) {
      Outcome o = outcome.get();
      s = ready(s, false, reasonOf(o.step()), o.error().get(), now);
    } else if (vm.isPresent() && !alive && vm.get().status().running()) {
      s = ready(s, false, "Exited", "the VM's QEMU process is gone", now);
    } else if (alive
        && outcome.map(o -> Planner.PROCESS_GONE.equals(o.step().reason())).orElse(false)) {
      s = ready(s, true, "Restarted", "the VM's process had exited; it was started again", now);
    } else if (vm.isPresent() && !alive && !wish) {
      s = ready(s, false, "Stopped", "stopped, as the file wants", now);
    }
    return s.withRunning(wish);
  }

  private static String reasonOf(Step step) {
    return switch (step.action()) {
      case REFUSE -> "Refused";
      case CREATE, START, RESTART, RECREATE -> "StartFailed";
      case STOP -> "StopFailed";
      case REMOVE -> "RemoveFailed";
      case KEEP -> "Failed";
    };
  }

  /** The Ready condition replaced; its transition time moves only when its status changes. */
  static VmStatus ready(VmStatus s, boolean ready, String reason, String message, Instant now) {
    String status = ready ? "True" : "False";
    List<Condition> conditions = new ArrayList<>();
    Instant since = now;
    for (Condition c : s.conditions()) {
      if (c.type().equals(READY)) {
        if (c.status().equals(status) && c.lastTransitionTime() != null) {
          since = c.lastTransitionTime();
        }
      } else {
        conditions.add(c);
      }
    }
    conditions.add(new Condition(READY, status, reason, message, since));
    return s.withConditions(conditions);
  }
}
