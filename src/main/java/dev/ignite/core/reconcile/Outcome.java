package dev.ignite.core.reconcile;

import dev.ignite.api.Vm;
import java.util.Optional;

/**
 * What one step left behind: the VM as the host now has it (empty once removed or never made) and,
 * when the step failed, why.
 */
public record Outcome(Step step, Optional<Vm> vm, Optional<String> error) {
  public static Outcome done(Step step, Vm vm) {
    return new Outcome(step, Optional.of(vm), Optional.empty());
  }

  public static Outcome gone(Step step) {
    return new Outcome(step, Optional.empty(), Optional.empty());
  }

  public static Outcome failed(Step step, Optional<Vm> vm, String error) {
    return new Outcome(step, vm, Optional.of(error));
  }

  public boolean ok() {
    return error.isEmpty();
  }
}
