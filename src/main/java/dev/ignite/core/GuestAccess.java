package dev.ignite.core;

import dev.ignite.api.Vm;
import dev.ignite.ports.ObjectDirs;
import dev.ignite.ports.SshTarget;
import dev.ignite.ports.StateStore;
import dev.ignite.ports.VmProcess;
import dev.ignite.ports.Vmm;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds how to reach a VM's guest over SSH, for {@code ignite exec}, {@code ssh} and {@code cp}:
 * the VM must exist, have SSH set up and be running, and the port is the one its running process
 * forwards now (it may change between boots).
 */
public final class GuestAccess {
  private final StateStore store;
  private final Vmm vmm;
  private final ObjectDirs dirs;

  /**
   * @param dirs where a VM's state folder is, which holds its key and pinned host key
   */
  public GuestAccess(StateStore store, Vmm vmm, ObjectDirs dirs) {
    this.store = store;
    this.vmm = vmm;
    this.dirs = dirs;
  }

  /**
   * The SSH target of the VM named by {@code ref} (name, uid or uid prefix), logging in with {@code
   * identity} when given, else with the VM's own key.
   *
   * @throws dev.ignite.ports.LookupException when no VM, or several, match {@code ref}
   * @throws IllegalStateException when the VM has no SSH key or is not running
   */
  public SshTarget target(String ref, Optional<Path> identity) {
    Vm vm = store.find(Vm.class, ref);
    Path vmDir = dirs.dir(Vm.class, vm.uid());
    GuestIdentity.requireSsh(vm);
    VmProcess process = running(vm, vmDir);
    Path key = GuestIdentity.choose(vm, vmDir, identity);
    SshTarget own = SshTarget.forVm(vmDir, vm.name(), process.sshHostPort());
    return new SshTarget(
        own.host(), own.port(), own.user(), key, own.knownHosts(), own.hostKeyAlias());
  }

  private VmProcess running(Vm vm, Path vmDir) {
    Optional<VmProcess> process = vmm.state(vm.uid(), vmDir);
    if (process.isEmpty()) {
      throw new IllegalStateException(
          "VM " + vm.name() + " is not running: start it with `ignite start " + vm.name() + "`");
    }
    if (process.get().sshHostPort() <= 0) {
      throw new IllegalStateException(
          "VM "
              + vm.name()
              + " runs without an SSH port forward (pid "
              + process.get().pid()
              + "): restart it with `ignite stop "
              + vm.name()
              + " && ignite start "
              + vm.name()
              + "`");
    }
    return process.get();
  }
}
