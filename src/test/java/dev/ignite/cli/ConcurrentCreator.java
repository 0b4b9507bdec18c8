package dev.ignite.cli;

import dev.ignite.adapters.store.FileStateStore;
import dev.ignite.api.Configuration;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import dev.ignite.core.VmService;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Run as its own JVM by {@link ConcurrentCreateIT}: creates {@code COUNT} VMs named {@code
 * PREFIX-i}, then tries the contested names {@code shared-0..shared-19}, printing how many of those
 * it won. Args: STATE_DIR PREFIX COUNT.
 */
public final class ConcurrentCreator {
  private ConcurrentCreator() {}

  public static void main(String[] args) {
    VmService service =
        new VmService(
            FileStateStore.open(Path.of(args[0])), Configuration.EMPTY, Clock.systemUTC());
    int count = Integer.parseInt(args[2]);
    for (int i = 0; i < count; i++) {
      service.create(vm(args[1] + "-" + i));
    }
    int won = 0;
    for (int i = 0; i < 20; i++) {
      try {
        service.create(vm("shared-" + i));
        won++;
      } catch (IllegalStateException e) {
        // the other process created it first: exactly what the lock must allow
      }
    }
    System.out.println("won " + won);
  }

  private static Vm vm(String name) {
    return new Vm(ObjectMeta.named(name), VmSpec.UNSET.withImage("busybox"), null);
  }
}
