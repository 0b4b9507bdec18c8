package dev.ignite.cli;

import dev.ignite.adapters.proc.ProcVmProbe;
import dev.ignite.adapters.store.FileStateStore;
import dev.ignite.adapters.store.StateDirs;
import dev.ignite.api.Configuration;
import dev.ignite.core.VmService;
import dev.ignite.ports.StateStore;
import dev.ignite.ports.VmProbe;
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
  private StateStore store;
  private Configuration config;

  Wiring(GlobalOptions globals, Map<String, String> env) {
    this.globals = globals;
    this.env = env;
  }

  Path stateDir() {
    return StateDirs.resolve(globals.stateDir, env);
  }

  StateStore store() {
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

  VmProbe probe() {
    return new ProcVmProbe();
  }
}
