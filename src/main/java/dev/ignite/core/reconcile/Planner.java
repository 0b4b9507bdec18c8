package dev.ignite.core.reconcile;

import dev.ignite.api.Ownership;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import dev.ignite.core.reconcile.Step.Action;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Decides what one sync does: the desired VMs of one repository against what the host has. Pure: it
 * reads nothing and changes nothing, so every decision is tested in memory.
 */
public final class Planner {
  /** Why a VM that should run and was running is started again. */
  public static final String PROCESS_GONE = "its process is gone";

  private final String repository;
  private final UnaryOperator<VmSpec> complete;

  /**
   * @param repository the owner mark of this repository's VMs
   * @param complete fills a spec with the host's defaults, as a create would
   */
  public Planner(String repository, UnaryOperator<VmSpec> complete) {
    this.repository = repository;
    this.complete = complete;
  }

  /**
   * @param stored every VM on the host, managed or not
   * @param alive whether a VM's process runs now
   */
  public Plan plan(DesiredState desired, List<Vm> stored, Predicate<Vm> alive) {
    List<Step> steps = new ArrayList<>();
    Set<String> claimedNames = new HashSet<>();
    Set<String> duplicates = Duplicates.of(desired.vms());
    for (DesiredVm d : desired.vms()) {
      claimedNames.add(d.name());
      if (duplicates.contains(d.name())) {
        steps.add(refuse(d, stored, Duplicates.reason(d, desired.vms())));
        continue;
      }
      steps.add(planOne(d, stored, alive));
    }
    Set<String> brokenNames = namesInBrokenFiles(desired);
    for (Vm vm : stored) {
      if (!Ownership.ownedBy(vm, repository) || claimedNames.contains(vm.name())) {
        continue;
      }
      String file = Ownership.file(vm).orElse("");
      if (desired.brokenFiles().contains(file) || brokenNames.contains(vm.name())) {
        steps.add(
            new Step(
                Action.KEEP,
                vm.name(),
                Optional.of(vm),
                Optional.empty(),
                "its file " + file + " cannot be read; the VM is left as it is"));
      } else {
        steps.add(
            new Step(
                Action.REMOVE,
                vm.name(),
                Optional.of(vm),
                Optional.empty(),
                "its file " + file + " no longer declares it"));
      }
    }
    return new Plan(steps);
  }

  private Step planOne(DesiredVm d, List<Vm> stored, Predicate<Vm> alive) {
    Optional<Vm> byName = stored.stream().filter(v -> v.name().equals(d.name())).findFirst();
    Optional<Vm> byUid =
        d.vm().uid() == null
            ? Optional.empty()
            : stored.stream().filter(v -> v.uid().equals(d.vm().uid())).findFirst();
    if (byUid.isPresent() && !byUid.get().name().equals(d.name())) {
      return refuse(
          d,
          stored,
          "uid " + d.vm().uid() + " belongs to VM " + byUid.get().name() + " on this host");
    }
    Optional<Vm> found = byUid.or(() -> byName);
    if (found.isEmpty()) {
      return new Step(Action.CREATE, d.name(), Optional.empty(), Optional.of(d), "new VM");
    }
    Vm current = found.get();
    if (!Ownership.ownedBy(current, repository)) {
      return refuse(d, stored, notOurs(current));
    }
    if (d.vm().uid() != null && !current.uid().equals(d.vm().uid())) {
      return refuse(
          d,
          stored,
          "the VM "
              + d.name()
              + " on this host has uid "
              + current.uid()
              + ", not "
              + d.vm().uid()
              + "; remove the uid from the file or the VM from the host");
    }
    return forChange(d, current, alive.test(current));
  }

  private Step forChange(DesiredVm d, Vm current, boolean running) {
    SpecChange change = SpecChange.between(current.spec(), complete.apply(d.vm().spec()));
    Optional<Vm> cur = Optional.of(current);
    Optional<DesiredVm> want = Optional.of(d);
    switch (change.kind()) {
      case RECREATE:
        return new Step(
            Action.RECREATE, d.name(), cur, want, "changed " + change.fields() + ": new disk");
      case RESTART:
        return new Step(Action.RESTART, d.name(), cur, want, "changed " + change.fields());
      default:
        break;
    }
    if (d.wantsRunning() && !running) {
      String why = current.status().running() ? PROCESS_GONE : "wanted running";
      return new Step(Action.START, d.name(), cur, want, why);
    }
    if (!d.wantsRunning() && running) {
      return new Step(Action.STOP, d.name(), cur, want, "wanted stopped");
    }
    return Step.keep(current, d, "as wanted");
  }

  private static Step refuse(DesiredVm d, List<Vm> stored, String why) {
    Optional<Vm> current = stored.stream().filter(v -> v.name().equals(d.name())).findFirst();
    return new Step(Action.REFUSE, d.name(), current, Optional.of(d), why);
  }

  private String notOurs(Vm vm) {
    return Ownership.owner(vm)
        .map(o -> "VM " + vm.name() + " on this host belongs to " + o + "; it is left alone")
        .orElse(
            "a VM named "
                + vm.name()
                + " was created on this host by hand; it is left alone (rename one of them)");
  }

  private static Set<String> namesInBrokenFiles(DesiredState desired) {
    Set<String> names = new HashSet<>();
    for (DesiredState.Problem p : desired.problems()) {
      p.vmName().ifPresent(names::add);
    }
    return names;
  }

  /** Names and uids declared more than once: neither declaration is acted on. */
  static final class Duplicates {
    private Duplicates() {}

    static Set<String> of(List<DesiredVm> vms) {
      Map<String, Integer> names = new HashMap<>();
      Map<String, List<String>> byUid = new HashMap<>();
      for (DesiredVm d : vms) {
        names.merge(d.name(), 1, Integer::sum);
        if (d.vm().uid() != null) {
          byUid.computeIfAbsent(d.vm().uid().value(), u -> new ArrayList<>()).add(d.name());
        }
      }
      Set<String> out = new HashSet<>();
      names.forEach(
          (n, c) -> {
            if (c > 1) {
              out.add(n);
            }
          });
      byUid.values().stream().filter(l -> l.size() > 1).forEach(out::addAll);
      return out;
    }

    static String reason(DesiredVm d, List<DesiredVm> vms) {
      List<String> where = new ArrayList<>();
      for (DesiredVm o : vms) {
        boolean sameUid = d.vm().uid() != null && d.vm().uid().equals(o.vm().uid());
        if (o.name().equals(d.name()) || sameUid) {
          where.add(o.file() + " (" + o.name() + ")");
        }
      }
      return "declared more than once, in " + String.join(" and ", where) + "; neither is applied";
    }
  }
}
