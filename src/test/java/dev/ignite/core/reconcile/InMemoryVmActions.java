package dev.ignite.core.reconcile;

import dev.ignite.api.Defaults;
import dev.ignite.api.Uid;
import dev.ignite.api.Vm;
import dev.ignite.api.VmStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** VMs in a map and "processes" in a set: the reconciler's decisions, without QEMU. */
public final class InMemoryVmActions implements VmActions {
  public final Map<Uid, Vm> vms = Collections.synchronizedMap(new LinkedHashMap<>());
  public final Set<Uid> alive = ConcurrentHashMap.newKeySet();
  public final List<String> log = Collections.synchronizedList(new ArrayList<>());
  public final Set<String> failStart = ConcurrentHashMap.newKeySet();
  public final Set<String> failRewrite = ConcurrentHashMap.newKeySet();
  private int nextUid = 1;

  @Override
  public List<Vm> list() {
    synchronized (vms) {
      return List.copyOf(vms.values());
    }
  }

  @Override
  public Optional<Vm> get(Uid uid) {
    return Optional.ofNullable(vms.get(uid));
  }

  @Override
  public boolean alive(Vm vm) {
    return alive.contains(vm.uid());
  }

  @Override
  public synchronized Vm create(Vm request) {
    Uid uid = request.uid() != null ? request.uid() : new Uid(String.format("%016x", nextUid++));
    for (Vm v : list()) {
      if (v.name().equals(request.name())) {
        throw new IllegalStateException("a VM named " + v.name() + " already exists");
      }
    }
    Vm vm =
        new Vm(
            request.metadata().withUid(uid),
            request.spec().orElse(Defaults.BUILT_IN),
            VmStatus.EMPTY);
    vms.put(uid, vm);
    log.add("create " + vm.name());
    return vm;
  }

  @Override
  public List<Vm> createAll(List<Vm> requests) {
    log.add("createAll " + requests.size());
    return requests.stream().map(this::create).toList();
  }

  @Override
  public Vm start(Vm vm) {
    if (failStart.contains(vm.name())) {
      throw new IllegalStateException("image not found in registry");
    }
    alive.add(vm.uid());
    Vm up = vm.withStatus(vm.status().withRunning(true));
    vms.put(vm.uid(), up);
    log.add("start " + vm.name());
    return up;
  }

  @Override
  public Vm stop(Vm vm) {
    alive.remove(vm.uid());
    Vm down = vm.withStatus(vm.status().withRunning(false));
    vms.put(vm.uid(), down);
    log.add("stop " + vm.name());
    return down;
  }

  @Override
  public void remove(Vm vm) {
    alive.remove(vm.uid());
    vms.remove(vm.uid());
    log.add("remove " + vm.name());
  }

  @Override
  public void rewriteFiles(Vm vm) {
    if (failRewrite.contains(vm.name())) {
      throw new IllegalStateException("debugfs: /opt is a file on the disk");
    }
    log.add("rewrite files " + vm.name());
  }

  @Override
  public Vm update(Vm vm) {
    Vm updated =
        new Vm(vm.metadata(), vm.spec().orElse(Defaults.BUILT_IN), vms.get(vm.uid()).status());
    vms.put(vm.uid(), updated);
    log.add("update " + vm.name());
    return updated;
  }

  @Override
  public <R> R locked(Uid uid, Supplier<R> action) {
    return action.get();
  }
}
