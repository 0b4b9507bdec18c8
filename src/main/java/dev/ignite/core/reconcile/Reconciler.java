package dev.ignite.core.reconcile;

import dev.ignite.api.Vm;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One pass that makes the host match the files: plan, then every step side by side (a slow image
 * pull does not hold up a stop). Steps that only record stopped VMs are made in one batch, so a
 * thousand new files cost one pass over the store, not a thousand.
 */
public final class Reconciler {
  private final VmActions actions;
  private final Planner planner;
  private final StepRunner runner;
  private final ExecutorService workers;

  public Reconciler(
      VmActions actions,
      Planner planner,
      String repository,
      RestartBackoff backoff,
      ExecutorService workers) {
    this.actions = actions;
    this.planner = planner;
    this.runner = new StepRunner(actions, repository, backoff);
    this.workers = workers;
  }

  public record Result(Plan plan, List<Outcome> outcomes) {}

  public Result reconcile(DesiredState desired) {
    List<Vm> stored = actions.list();
    Plan plan = planner.plan(desired, stored, actions::alive);
    List<Outcome> outcomes = new ArrayList<>(createStoppedInOneBatch(plan));
    List<Future<Outcome>> running = new ArrayList<>();
    for (Step step : plan.steps()) {
      if (!isBatched(step)) {
        running.add(workers.submit(() -> runner.run(step)));
      }
    }
    for (Future<Outcome> f : running) {
      outcomes.add(await(f));
    }
    return new Result(plan, outcomes);
  }

  private List<Outcome> createStoppedInOneBatch(Plan plan) {
    List<Step> batch = plan.steps().stream().filter(Reconciler::isBatched).toList();
    if (batch.isEmpty()) {
      return List.of();
    }
    List<Vm> requests = batch.stream().map(s -> runner.request(s.desired().orElseThrow())).toList();
    List<Outcome> out = new ArrayList<>();
    try {
      List<Vm> created = actions.createAll(requests);
      for (int i = 0; i < batch.size(); i++) {
        out.add(Outcome.done(batch.get(i), created.get(i)));
      }
    } catch (RuntimeException e) {
      // one bad request must not sink the others: make them one by one to learn which
      for (Step s : batch) {
        out.add(runner.run(s));
      }
    }
    return out;
  }

  private static boolean isBatched(Step step) {
    return step.action() == Step.Action.CREATE && !step.desired().orElseThrow().wantsRunning();
  }

  private static Outcome await(Future<Outcome> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reconciling", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a reconcile step failed unexpectedly", e.getCause());
    }
  }
}
