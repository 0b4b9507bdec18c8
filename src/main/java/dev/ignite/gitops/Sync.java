package dev.ignite.gitops;

import dev.ignite.api.Vm;
import dev.ignite.api.VmStatus;
import dev.ignite.api.codec.VmDocuments;
import dev.ignite.core.reconcile.DesiredState;
import dev.ignite.core.reconcile.DesiredState.Problem;
import dev.ignite.core.reconcile.DesiredVm;
import dev.ignite.core.reconcile.Outcome;
import dev.ignite.core.reconcile.Reconciler;
import dev.ignite.core.reconcile.Step;
import dev.ignite.core.reconcile.VmActions;
import dev.ignite.gitops.DaemonStatus.VmState;
import dev.ignite.ports.GitException;
import dev.ignite.ports.GitRepository;
import dev.ignite.ports.GitRevision;
import dev.ignite.ports.LocalChanges;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync: fetch → read the files → make the host match → write what it observed back, in at most
 * one commit. A broken file or a failing VM is reported and the rest goes on; only a repository
 * that cannot be reached ends a sync early, and then no VM is touched.
 */
public final class Sync {
  private static final Logger LOG = LoggerFactory.getLogger(Sync.class);

  private final GitRepository repo;
  private final ManifestReader reader;
  private final HostPathPolicy policy;
  private final Reconciler reconciler;
  private final VmActions actions;
  private final LocalChanges changes;
  private final SyncSettings settings;
  private final Clock clock;
  private Set<String> reported = Set.of();

  public Sync(
      GitRepository repo,
      ManifestReader reader,
      HostPathPolicy policy,
      Reconciler reconciler,
      VmActions actions,
      LocalChanges changes,
      SyncSettings settings,
      Clock clock) {
    this.repo = repo;
    this.reader = reader;
    this.policy = policy;
    this.reconciler = reconciler;
    this.actions = actions;
    this.changes = changes;
    this.settings = settings;
    this.clock = clock;
  }

  public SyncReport run() {
    Instant started = clock.instant();
    Optional<GitRevision> revision;
    try {
      revision = repo.pull();
    } catch (GitException e) {
      return failed(started, e.getMessage());
    }
    if (revision.isEmpty()) {
      LOG.info("{} has no commit yet; waiting for one", settings.repository());
      return new SyncReport(
          started,
          took(started),
          revision,
          Optional.empty(),
          List.of(),
          List.of(),
          0,
          Optional.empty());
    }
    List<LocalChanges.Change> local = changes.pending(settings.repository());
    if (settings.readOnly() && !local.isEmpty()) {
      changes.done(local); // read-only: Git's state wins, as the CLI told the user
      local = List.of();
    }
    Desired desired = desired(local);
    Reconciler.Result result = reconciler.reconcile(desired.state());
    List<String> refusals = new ArrayList<>();
    for (Outcome o : result.outcomes()) {
      if (o.step().action() == Step.Action.REFUSE) {
        refusals.add(o.step().file() + ": VM " + o.step().name() + ": " + o.error().orElse(""));
      }
    }
    List<StatusWriter.Entry> entries = new ArrayList<>();
    List<VmState> states = new ArrayList<>();
    observe(desired, result, entries, states);
    Optional<GitRevision> pushed = Optional.empty();
    Optional<String> error = Optional.empty();
    if (!settings.readOnly()) {
      try {
        pushed =
            repo.commitAndPush(
                new SyncCommit(local, new StatusWriter(entries, settings.host()), settings.host()));
        changes.done(local);
      } catch (GitException e) {
        error = Optional.of("cannot push the status commit: " + e.getMessage());
        LOG.warn("{}", error.get());
      }
    }
    List<String> problems = desired.state().problems().stream().map(Problem::toString).toList();
    logOnce(problems, refusals);
    int acted = result.plan().steps().size() - result.plan().of(Step.Action.KEEP).size();
    SyncReport report =
        new SyncReport(started, took(started), revision, pushed, states, problems, acted, error);
    boolean news = acted > 0 || pushed.isPresent() || error.isPresent();
    LOG.atLevel(news ? org.slf4j.event.Level.INFO : org.slf4j.event.Level.DEBUG)
        .log(
            "synced {} at {}: {} VMs, {} acted on, {} problems{}",
            settings.repository(),
            revision.get().shortId(),
            states.size(),
            acted,
            problems.size(),
            pushed.map(p -> ", status commit " + p.shortId()).orElse(""));
    return report;
  }

  /**
   * A problem is logged as a warning when it appears, not again at every sync while it stays (its
   * VM's Ready condition and /status say it meanwhile), and once more when it is gone.
   */
  private void logOnce(List<String> problems, List<String> refusals) {
    Set<String> now = new LinkedHashSet<>(problems);
    now.addAll(refusals);
    for (String p : now) {
      if (!reported.contains(p)) {
        LOG.warn("{}", p);
      }
    }
    for (String p : reported) {
      if (!now.contains(p)) {
        LOG.info("resolved: {}", p);
      }
    }
    reported = now;
  }

  /** The files' wishes, with host paths confined and the user's own commands applied. */
  private Desired desired(List<LocalChanges.Change> local) {
    DesiredState read = reader.read(repo.checkout());
    List<DesiredVm> vms = new ArrayList<>();
    List<Problem> problems = new ArrayList<>(read.problems());
    Map<String, LocalChanges.Change> byName = new HashMap<>();
    local.forEach(c -> byName.put(c.vmName(), c));
    for (DesiredVm d : read.vms()) {
      HostPathPolicy.Checked checked = policy.check(d, repo.checkout());
      for (String refusal : checked.refusals()) {
        problems.add(Problem.of(d.file(), refusal, Optional.of(d.name())));
      }
      if (!checked.refusals().isEmpty()) {
        continue;
      }
      LocalChanges.Change change = byName.get(d.name());
      if (change == null) {
        vms.add(checked.vm());
      } else if (change.kind() != LocalChanges.Kind.REMOVED) {
        boolean run = change.kind() == LocalChanges.Kind.STARTED;
        Vm vm = checked.vm().vm();
        vms.add(
            new DesiredVm(d.file(), d.apiVersion(), vm.withStatus(vm.status().withRunning(run))));
      }
    }
    return new Desired(new DesiredState(vms, read.brokenFiles(), problems), read);
  }

  private record Desired(DesiredState state, DesiredState asRead) {}

  private void observe(
      Desired desired,
      Reconciler.Result result,
      List<StatusWriter.Entry> entries,
      List<VmState> states) {
    Map<String, Outcome> outcomes = new HashMap<>();
    result.outcomes().forEach(o -> outcomes.put(o.step().name(), o));
    Map<String, List<String>> problemsByName = new HashMap<>();
    for (Problem p : desired.state().problems()) {
      p.vmName()
          .ifPresent(
              n -> problemsByName.computeIfAbsent(n, k -> new ArrayList<>()).add(p.toString()));
    }
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    for (DesiredVm d : desired.state().vms()) {
      Optional<Outcome> outcome = Optional.ofNullable(outcomes.get(d.name()));
      Optional<Vm> vm = outcome.flatMap(Outcome::vm);
      boolean alive = vm.map(actions::alive).orElse(false);
      List<String> problems = problemsByName.getOrDefault(d.name(), List.of());
      VmStatus status = ObservedStatus.of(d.wantsRunning(), vm, alive, outcome, problems, now);
      Optional<String> uid =
          vm.map(v -> v.uid().value()).filter(u -> d.vm().uid() == null && vmOwnsName(outcome));
      entries.add(new StatusWriter.Entry(d.file(), d.name(), d.apiVersion(), status, uid));
      states.add(state(d, vm, alive, outcome, problems));
    }
    for (Problem p : desired.state().problems()) {
      p.vmName()
          .filter(n -> desired.state().vms().stream().noneMatch(d -> d.name().equals(n)))
          .ifPresent(n -> invalid(p, n, problemsByName.get(n), outcomes, entries, states, now));
    }
  }

  /** A generated uid is written back only for a VM this repository really owns. */
  private static boolean vmOwnsName(Optional<Outcome> outcome) {
    return outcome.map(o -> o.step().action() != Step.Action.REFUSE).orElse(false);
  }

  private void invalid(
      Problem p,
      String name,
      List<String> problems,
      Map<String, Outcome> outcomes,
      List<StatusWriter.Entry> entries,
      List<VmState> states,
      Instant now) {
    if (states.stream().anyMatch(s -> s.name().equals(name) && s.file().equals(p.file()))) {
      return; // one entry per VM, however many problems it has
    }
    Optional<Vm> vm = Optional.ofNullable(outcomes.get(name)).flatMap(Outcome::vm);
    boolean alive = vm.map(actions::alive).orElse(false);
    Optional<VmDocuments.VmDocument> doc = FileDocuments.find(repo.checkout(), p.file(), name);
    Optional<Boolean> wish = doc.flatMap(VmDocuments.VmDocument::running);
    if (wish.isEmpty()) {
      return; // without the file's own wish, writing status would overwrite it
    }
    VmStatus status = ObservedStatus.of(wish.get(), vm, alive, Optional.empty(), problems, now);
    entries.add(
        new StatusWriter.Entry(p.file(), name, doc.get().apiVersion(), status, Optional.empty()));
    states.add(
        new VmState(
            name,
            vm.map(v -> v.uid().value()).orElse(""),
            p.file(),
            wish.get(),
            "Invalid",
            Optional.of(String.join("; ", problems))));
  }

  private static VmState state(
      DesiredVm d,
      Optional<Vm> vm,
      boolean alive,
      Optional<Outcome> outcome,
      List<String> problems) {
    Optional<String> error =
        problems.isEmpty()
            ? outcome.flatMap(Outcome::error)
            : Optional.of(String.join("; ", problems));
    String phase =
        error.isPresent()
            ? (outcome.map(o -> o.step().action() == Step.Action.REFUSE).orElse(false)
                ? "Refused"
                : "Failed")
            : alive ? "Running" : vm.isPresent() ? "Stopped" : "Absent";
    return new VmState(
        d.name(),
        vm.map(v -> v.uid().value()).orElse(""),
        d.file(),
        d.wantsRunning(),
        phase,
        error);
  }

  private SyncReport failed(Instant started, String message) {
    LOG.warn("sync of {} failed, VMs left as they are: {}", settings.repository(), message);
    return new SyncReport(
        started,
        took(started),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        0,
        Optional.of(message));
  }

  private Duration took(Instant started) {
    return Duration.between(started, clock.instant());
  }
}
