package dev.ignite.core;

import dev.ignite.api.Vm;
import dev.ignite.ports.GuestGoneException;
import dev.ignite.ports.GuestShell;
import dev.ignite.ports.ImportProgress;
import dev.ignite.ports.LocalChanges;
import dev.ignite.ports.ObjectDirs;
import dev.ignite.ports.SshTarget;
import dev.ignite.ports.StateStore;
import dev.ignite.ports.VmProcess;
import dev.ignite.ports.Vmm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VM lifecycle the CLI and the daemon drive: run, start, stop, kill, rm. State comes from the
 * VM's folder and its QEMU process, so any Ignite process can act on a VM another one started.
 */
public final class VmLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(VmLifecycle.class);

  /** The serial console log QEMU appends to in the VM's folder. */
  public static final String CONSOLE_LOG = "console.log";

  private final StateStore store;
  private final ObjectDirs dirs;
  private final VmService vms;
  private final VmStarter starter;
  private final Vmm vmm;
  private final GuestShell shell;
  private final Clock clock;
  private final ManualChanges manual;

  public VmLifecycle(LifecycleParts parts) {
    this.manual = new ManualChanges(parts.changes(), parts.host(), parts.clock());
    this.store = parts.store();
    this.dirs = parts.dirs();
    this.vms = parts.vms();
    this.vmm = parts.vmm();
    this.shell = parts.shell();
    this.clock = parts.clock();
    KernelResolver kernels = new KernelResolver(parts.kernels(), parts.images());
    this.starter =
        new VmStarter(
            store,
            dirs,
            parts.images(),
            kernels,
            parts.disks(),
            vmm,
            new GuestKeys(parts.keys()),
            clock);
  }

  /**
   * Creates and starts a VM; with SSH enabled, returns once the guest answers SSH. When the start
   * fails the VM is removed again, so a bad request leaves nothing behind; a VM that boots but does
   * not answer SSH in time is kept running, so its console log can tell why.
   */
  public Vm run(Vm request, ImportProgress progress, Duration sshTimeout) {
    Phases phases = new Phases();
    Vm created = phases.time("create", () -> vms.create(request));
    Vm started;
    try {
      started = store.withObjectLock(created.uid(), () -> starter.start(created, progress, phases));
    } catch (RuntimeException e) {
      LOG.debug("run of {} failed; removing it", created.name(), e);
      killQuietly(created);
      store.delete(Vm.class, created.uid());
      throw e;
    }
    Vm booted = started;
    phases.time("ssh wait", () -> awaitSsh(booted, sshTimeout));
    LOG.debug("run of VM {}: {}", booted.name(), phases.summary());
    return booted;
  }

  /** Starts a recorded VM; {@code sshTimeout} null means do not wait for SSH. */
  public Vm start(String ref, ImportProgress progress, Duration sshTimeout) {
    Vm vm = vms.get(ref);
    Vm started =
        store.withObjectLock(
            vm.uid(),
            () -> {
              Vm now = current(vm);
              manual.record(now, LocalChanges.Kind.STARTED, "ignite start " + now.name());
              return startRecorded(now, progress);
            });
    awaitSsh(started, sshTimeout);
    return started;
  }

  /** Boots a recorded VM; the caller holds its lock (see {@link StateStore#withObjectLock}). */
  public Vm startRecorded(Vm vm, ImportProgress progress) {
    return starter.start(vm, progress);
  }

  /**
   * Writes a stopped VM's copyFiles again into its disk; the caller holds its lock. A VM without a
   * disk yet gets them when the disk is made.
   */
  public void rewriteFiles(Vm vm) {
    starter.rewriteFiles(vm);
  }

  /** The VM as recorded now: another process may have changed it since it was looked up. */
  private Vm current(Vm vm) {
    return store
        .get(Vm.class, vm.uid())
        .orElseThrow(() -> new LifecycleException("VM " + vm.name() + " was removed meanwhile"));
  }

  private void awaitSsh(Vm vm, Duration timeout) {
    if (timeout == null || !generatedKey(vm)) {
      return;
    }
    try {
      shell.awaitReady(sshTarget(vm), timeout, () -> observe(vm).isPresent());
    } catch (GuestGoneException e) {
      throw stoppedWhileBooting(vm, e);
    } catch (RuntimeException e) {
      throw new LifecycleException(
          "VM "
              + vm.name()
              + " is running but SSH did not answer within "
              + timeout.toSeconds()
              + " s (see `ignite logs "
              + vm.name()
              + "`; a longer --timeout helps under software"
              + " emulation): "
              + e.getMessage(),
          e);
    }
  }

  /** The VM is kept, stopped, so that {@code ignite logs} can still show its console. */
  private LifecycleException stoppedWhileBooting(Vm vm, GuestGoneException e) {
    String why = BootFailure.explain(consoleLog(vm)).orElse("its QEMU process exited");
    VmStatuses.update(
        store, vm, s -> VmStatuses.stopped(s, "StoppedWhileBooting", why, clock.instant()));
    return new LifecycleException(
        "VM "
            + vm.name()
            + " stopped before SSH answered: "
            + why
            + " (see `ignite logs "
            + vm.name()
            + "`)",
        e);
  }

  /** Asks the guest to power off; after {@code timeout} it is stopped hard. */
  public Vm stop(String ref, Duration timeout) {
    Vm vm = vms.get(ref);
    return store.withObjectLock(
        vm.uid(),
        () -> {
          Vm now = current(vm);
          manual.record(now, LocalChanges.Kind.STOPPED, "ignite stop " + now.name());
          return stopRecorded(now, timeout);
        });
  }

  /** Powers a VM off; the caller holds its lock. */
  public Vm stopRecorded(Vm vm, Duration timeout) {
    try {
      vmm.stop(vm.uid(), dirOf(vm), timeout);
    } catch (IOException e) {
      throw new LifecycleException("cannot stop VM " + vm.name() + ": " + e.getMessage(), e);
    }
    return VmStatuses.update(
        store, vm, s -> VmStatuses.stopped(s, "Stopped", "stopped by request", clock.instant()));
  }

  /** Ends the VM's process at once. */
  public Vm kill(String ref) {
    Vm found = vms.get(ref);
    return store.withObjectLock(
        found.uid(),
        () -> {
          Vm now = current(found);
          manual.record(now, LocalChanges.Kind.STOPPED, "ignite kill " + now.name());
          return killRecorded(now);
        });
  }

  private Vm killRecorded(Vm vm) {
    try {
      vmm.kill(vm.uid(), dirOf(vm));
    } catch (IOException e) {
      throw new LifecycleException("cannot kill VM " + vm.name() + ": " + e.getMessage(), e);
    }
    return VmStatuses.update(
        store, vm, s -> VmStatuses.stopped(s, "Killed", "killed by request", clock.instant()));
  }

  /**
   * Removes a VM and its folder (disk, keys, log). A running VM is refused unless {@code force},
   * which kills it first: its disk is deleted anyway, so a clean shutdown would buy nothing.
   */
  public Vm remove(String ref, boolean force) {
    Vm found = vms.get(ref);
    return store.withObjectLock(
        found.uid(),
        () -> {
          Vm now = current(found);
          if (observe(now).isPresent() && !force) {
            return remove(now, false); // refused: nothing to record
          }
          manual.record(now, LocalChanges.Kind.REMOVED, "ignite rm " + now.name());
          return remove(now, force);
        });
  }

  /** Removes a VM, killing it first if it still runs; the caller holds its lock. */
  public Vm removeRecorded(Vm vm) {
    return remove(vm, true);
  }

  private Vm remove(Vm vm, boolean force) {
    if (observe(vm).isPresent()) {
      if (!force) {
        throw new LifecycleException(
            "VM "
                + vm.name()
                + " is running: stop it first (ignite stop "
                + vm.name()
                + "), or use rm -f");
      }
      try {
        vmm.kill(vm.uid(), dirOf(vm));
      } catch (IOException e) {
        throw new LifecycleException("cannot kill VM " + vm.name() + ": " + e.getMessage(), e);
      }
    }
    store.delete(Vm.class, vm.uid());
    return vm;
  }

  /** The VM's QEMU process as observed now, empty when none runs. */
  public Optional<VmProcess> observe(Vm vm) {
    return vmm.state(vm.uid(), dirOf(vm));
  }

  public Vm get(String ref) {
    return vms.get(ref);
  }

  /**
   * For a VM that a repository manages, what becomes of a change made by hand: committed to its
   * file by the daemon, or undone at its next sync when it runs read-only. Empty for other VMs.
   */
  public Optional<String> gitopsNote(Vm vm) {
    return manual.note(vm);
  }

  public Path consoleLog(Vm vm) {
    return dirOf(vm).resolve(CONSOLE_LOG);
  }

  /** How to reach the running VM over SSH with its own key. */
  public SshTarget sshTarget(Vm vm) {
    VmProcess process =
        observe(vm)
            .orElseThrow(
                () ->
                    new LifecycleException(
                        "VM " + vm.name() + " is not running: ignite start " + vm.name()));
    return SshTarget.forVm(dirOf(vm), vm.name(), process.sshHostPort());
  }

  private boolean generatedKey(Vm vm) {
    return vm.spec().ssh() != null
        && vm.spec().ssh().enabled()
        && Files.exists(dirOf(vm).resolve(SshTarget.PRIVATE_KEY_FILE));
  }

  private void killQuietly(Vm vm) {
    try {
      vmm.kill(vm.uid(), dirOf(vm));
    } catch (IOException | RuntimeException e) {
      LOG.warn("could not kill VM {} after a failed run: {}", vm.name(), e.toString());
    }
  }

  private Path dirOf(Vm vm) {
    return dirs.dir(Vm.class, vm.uid());
  }
}
