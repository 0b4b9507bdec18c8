package dev.ignite.core.reconcile;

import dev.ignite.api.Ownership;
import dev.ignite.api.Vm;
import dev.ignite.api.VmStatus;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one step under the VM's lock, after looking again at the VM as it is now: another
 * process (a user's {@code ignite start}) may have acted since the plan was made.
 */
final class StepRunner {
  private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

  private final VmActions actions;
  private final String repository;
  private final RestartBackoff backoff;

  StepRunner(VmActions actions, String repository, RestartBackoff backoff) {
    this.actions = actions;
    this.repository = repository;
    this.backoff = backoff;
  }

  Outcome run(Step step) {
    try {
      return switch (step.action()) {
        case CREATE -> startIfWanted(step, actions.create(request(step.desired().orElseThrow())));
        case START -> locked(step, this::start);
        case STOP -> locked(step, (s, vm) -> Outcome.done(s, actions.stop(vm)));
        case RESTART -> locked(step, this::restart);
        case RECREATE -> locked(step, this::recreate);
        case REMOVE -> locked(step, this::remove);
        case KEEP -> keep(step);
        case REFUSE -> Outcome.failed(step, step.current(), step.reason());
      };
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      LOG.warn("VM {}: {} failed: {}", step.name(), step.action(), message);
      Optional<Vm> now = step.current().flatMap(vm -> reload(vm));
      return Outcome.failed(step, now, message);
    }
  }

  /** A new VM's record as the store keeps it: the file's metadata with this repository's mark. */
  Vm request(DesiredVm d) {
    Vm vm = d.vm();
    return new Vm(Ownership.mark(vm.metadata(), repository, d.file()), vm.spec(), VmStatus.EMPTY);
  }

  Outcome startIfWanted(Step step, Vm created) {
    if (!step.desired().orElseThrow().wantsRunning()) {
      return Outcome.done(step, created);
    }
    return actions.locked(created.uid(), () -> start(step, created));
  }

  private Outcome start(Step step, Vm vm) {
    if (actions.alive(vm)) {
      return Outcome.done(step, vm);
    }
    Optional<String> wait = backoff.waitBeforeStart(vm.uid());
    if (wait.isPresent()) {
      return Outcome.failed(step, Optional.of(vm), step.reason() + "; " + wait.get());
    }
    try {
      Vm started = actions.start(vm);
      if (Planner.PROCESS_GONE.equals(step.reason())) {
        backoff.attempted(vm.uid());
        LOG.warn("VM {}: {}; started it again", vm.name(), step.reason());
      } else {
        backoff.forget(vm.uid());
      }
      return Outcome.done(step, started);
    } catch (RuntimeException e) {
      backoff.attempted(vm.uid());
      throw e;
    }
  }

  private Outcome restart(Step step, Vm vm) {
    if (actions.alive(vm)) {
      actions.stop(vm);
    }
    Vm updated = actions.update(withDesired(vm, step.desired().orElseThrow()));
    LOG.info("VM {}: {}; {}", vm.name(), step.reason(), "restarting with the new spec");
    Optional<String> filesFailed = Optional.empty();
    if (SpecChange.between(vm.spec(), updated.spec()).fields().contains("copyFiles")) {
      try {
        actions.rewriteFiles(updated);
      } catch (RuntimeException e) {
        // the VM still boots, with the files it had: better than a VM down for a file
        filesFailed =
            Optional.of("cannot write its new copyFiles into its disk: " + e.getMessage());
        LOG.warn("VM {}: {}", vm.name(), filesFailed.get());
      }
    }
    Outcome outcome =
        step.desired().orElseThrow().wantsRunning()
            ? start(step, updated)
            : Outcome.done(step, updated);
    return filesFailed.isPresent() && outcome.ok()
        ? Outcome.failed(step, outcome.vm(), filesFailed.get())
        : outcome;
  }

  private Outcome recreate(Step step, Vm vm) {
    LOG.info("VM {}: {}; recreating it on a new disk", vm.name(), step.reason());
    if (actions.alive(vm)) {
      actions.stop(vm);
    }
    actions.remove(vm);
    DesiredVm d = step.desired().orElseThrow();
    Vm request = request(d);
    Vm created = actions.create(request.withMetadata(request.metadata().withUid(vm.uid())));
    return d.wantsRunning() ? start(step, created) : Outcome.done(step, created);
  }

  private Outcome remove(Step step, Vm vm) {
    if (actions.alive(vm)) {
      actions.stop(vm);
    }
    actions.remove(vm);
    LOG.info("VM {}: {}; stopped and removed", vm.name(), step.reason());
    return Outcome.gone(step);
  }

  /** Keeps the mark pointing at the file that declares the VM now (a file may be renamed). */
  private Outcome keep(Step step) {
    Vm vm = step.current().orElseThrow();
    if (step.desired().isPresent()
        && !Ownership.file(vm).orElse("").equals(step.desired().get().file())) {
      return locked(
          step, (s, v) -> Outcome.done(s, actions.update(withDesired(v, s.desired().get()))));
    }
    return Outcome.done(step, vm);
  }

  private Vm withDesired(Vm current, DesiredVm d) {
    Vm marked = request(d);
    return new Vm(
        marked.metadata().withUid(current.uid()).withCreated(current.metadata().created()),
        d.vm().spec(),
        current.status());
  }

  private Outcome locked(Step step, Action action) {
    Vm planned = step.current().orElseThrow();
    return actions.locked(
        planned.uid(),
        () -> {
          Optional<Vm> now = reload(planned);
          if (now.isEmpty()) {
            return step.action() == Step.Action.REMOVE
                ? Outcome.gone(step)
                : Outcome.failed(step, now, "removed meanwhile by another process");
          }
          return action.on(step, now.get());
        });
  }

  private Optional<Vm> reload(Vm vm) {
    return actions.get(vm.uid());
  }

  @FunctionalInterface
  private interface Action {
    Outcome on(Step step, Vm vm);
  }
}
