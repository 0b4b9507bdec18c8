package dev.ignite.core.reconcile;

import dev.ignite.api.Uid;
import dev.ignite.api.Vm;
import dev.ignite.core.VmLifecycle;
import dev.ignite.core.VmService;
import dev.ignite.ports.ImportProgress;
import dev.ignite.ports.LocalChanges;
import dev.ignite.ports.StateStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The reconciler's actions on the very operations `ignite` runs, so the two never disagree. */
public final class LifecycleVmActions implements VmActions {
  private static final Logger LOG = LoggerFactory.getLogger(LifecycleVmActions.class);

  private final StateStore store;
  private final VmService vms;
  private final VmLifecycle lifecycle;
  private final Duration stopTimeout;
  private final HandCommands byHand;

  public LifecycleVmActions(
      StateStore store,
      VmService vms,
      VmLifecycle lifecycle,
      Duration stopTimeout,
      LocalChanges changes) {
    this.store = store;
    this.vms = vms;
    this.lifecycle = lifecycle;
    this.stopTimeout = stopTimeout;
    this.byHand = new HandCommands(changes);
  }

  @Override
  public List<Vm> list() {
    return vms.list();
  }

  @Override
  public Optional<Vm> get(Uid uid) {
    return store.get(Vm.class, uid);
  }

  @Override
  public boolean alive(Vm vm) {
    return lifecycle.observe(vm).isPresent();
  }

  @Override
  public Vm create(Vm request) {
    return vms.create(request);
  }

  @Override
  public List<Vm> createAll(List<Vm> requests) {
    return vms.createAll(requests);
  }

  /**
   * Boots the VM unless a user stopped or removed it by hand after this sync read their commands:
   * the plan saw a VM that died, the next sync will commit what the user did.
   */
  @Override
  public Vm start(Vm vm) {
    Optional<LocalChanges.Change> command = byHand.stoppedOrRemoved(vm);
    if (command.isPresent()) {
      LOG.info(
          "VM {} is not started: {} on {} came meanwhile; the next sync writes it to {}",
          vm.name(),
          command.get().command(),
          command.get().host(),
          command.get().file());
      return vm;
    }
    return lifecycle.startRecorded(vm, ImportProgress.NONE);
  }

  @Override
  public Vm stop(Vm vm) {
    return lifecycle.stopRecorded(vm, stopTimeout);
  }

  @Override
  public void remove(Vm vm) {
    lifecycle.removeRecorded(vm);
  }

  @Override
  public void rewriteFiles(Vm vm) {
    lifecycle.rewriteFiles(vm);
  }

  @Override
  public Vm update(Vm vm) {
    return vms.replace(vm);
  }

  @Override
  public <R> R locked(Uid uid, Supplier<R> action) {
    return store.withObjectLock(uid, action);
  }
}
