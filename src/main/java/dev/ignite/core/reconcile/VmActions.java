package dev.ignite.core.reconcile;

import dev.ignite.api.Uid;
import dev.ignite.api.Vm;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** What the reconciler does to VMs; the same operations `ignite` uses, behind one seam. */
public interface VmActions {
  List<Vm> list();

  Optional<Vm> get(Uid uid);

  boolean alive(Vm vm);

  /** Records a new VM (spec completed with the host's defaults, uid kept or generated). */
  Vm create(Vm request);

  /** Records several new VMs at once; all or none (names and uids checked first). */
  List<Vm> createAll(List<Vm> requests);

  /** Boots a recorded VM; returns once its process runs. */
  Vm start(Vm vm);

  /** Powers the VM off, hard after a timeout. */
  Vm stop(Vm vm);

  /** Stops the VM if it runs and removes it with its disk. */
  void remove(Vm vm);

  /**
   * Replaces a recorded VM's spec (completed with the host's defaults) and metadata; the disk
   * stays.
   */
  Vm update(Vm vm);

  /**
   * Writes the VM's copyFiles again into its disk (the VM is stopped); nothing when it has no disk
   * yet, since the disk is made with them.
   */
  void rewriteFiles(Vm vm);

  /** Runs {@code action} holding the VM's lock against every other process. */
  <R> R locked(Uid uid, Supplier<R> action);
}
