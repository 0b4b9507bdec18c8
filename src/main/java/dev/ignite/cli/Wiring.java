package dev.ignite.cli;

import dev.ignite.adapters.proc.ProcVmProbe;
import dev.ignite.adapters.qemu.Qemu;
import dev.ignite.adapters.ssh.Ssh;
import dev.ignite.adapters.store.FileStateStore;
import dev.ignite.adapters.store.StateDirs;
import dev.ignite.api.Configuration;
import dev.ignite.api.Vm;
import dev.ignite.core.GuestAccess;
import dev.ignite.core.VmService;
import dev.ignite.ports.GuestShell;
import dev.ignite.ports.VmProbe;
import dev.ignite.ports.Vmm;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The one place where the CLI picks its adapters. Everything is built on first use, so `ignite
 * version` never opens the store or reads the host Configuration.
 */
final class Wiring {
  private final GlobalOptions globals;
  private final Map<String, String> env;
  private FileStateStore store;
  private Vmm vmm;
  private Configuration config;

  Wiring(GlobalOptions globals, Map<String, String> env) {
    this.globals = globals;
    this.env = env;
  }

  Path stateDir() {
    return StateDirs.resolve(globals.stateDir, env);
  }

  FileStateStore store() {
    if (store == null) {
      store = FileStateStore.open(stateDir());
    }
    return store;
  }

  Configuration config() {
    if (config == null) {
      config = HostConfig.read(globals.igniteConfig);
    }
    return config;
  }

  VmService vms() {
    return new VmService(store(), config(), Clock.systemUTC());
  }

  Vmm vmm() {
    if (vmm == null) {
      vmm = Qemu.vmm(stateDir());
    }
    return vmm;
  }

  GuestAccess guestAccess() {
    FileStateStore files = store();
    return new GuestAccess(files, vmm(), uid -> files.objectDir(Vm.class, uid));
  }

  /** Built on call only: MINA SSHD and BouncyCastle load only when a command reaches a guest. */
  GuestShell guestShell() {
    return Ssh.guestShell();
  }

  VmProbe probe() {
    return new ProcVmProbe();
  }
}
