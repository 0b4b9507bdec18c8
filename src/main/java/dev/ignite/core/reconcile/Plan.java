package dev.ignite.core.reconcile;

import java.util.List;

/** Every step of one sync, one per VM; steps are independent and may run side by side. */
public record Plan(List<Step> steps) {
  public Plan {
    steps = List.copyOf(steps);
  }

  public List<Step> of(Step.Action action) {
    return steps.stream().filter(s -> s.action() == action).toList();
  }

  /** True when the host already matches the files. */
  public boolean converged() {
    return steps.stream()
        .allMatch(s -> s.action() == Step.Action.KEEP || s.action() == Step.Action.REFUSE);
  }
}
