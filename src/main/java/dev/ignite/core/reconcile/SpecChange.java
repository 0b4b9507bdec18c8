package dev.ignite.core.reconcile;

import dev.ignite.api.VmSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What it takes to bring a VM from the spec it was started with to a new one: nothing, a restart
 * (the new values are read at boot), or a new root disk (its content comes from the image and its
 * size is fixed when it is written).
 */
public record SpecChange(Kind kind, List<String> fields) {
  public enum Kind {
    NONE,
    RESTART,
    RECREATE
  }

  public SpecChange {
    fields = List.copyOf(fields);
  }

  /** Both specs completed with the same defaults. */
  public static SpecChange between(VmSpec applied, VmSpec desired) {
    List<String> recreate = new ArrayList<>();
    differs(recreate, "image", applied.image(), desired.image());
    differs(recreate, "diskSize", applied.diskSize(), desired.diskSize());
    if (!recreate.isEmpty()) {
      return new SpecChange(Kind.RECREATE, recreate);
    }
    List<String> restart = new ArrayList<>();
    differs(restart, "cpus", applied.cpus(), desired.cpus());
    differs(restart, "memory", applied.memory(), desired.memory());
    differs(restart, "kernel", applied.kernel(), desired.kernel());
    differs(restart, "network.ports", applied.ports(), desired.ports());
    differs(restart, "copyFiles", applied.copyFiles(), desired.copyFiles());
    differs(restart, "storage", applied.storage(), desired.storage());
    differs(restart, "ssh", applied.ssh(), desired.ssh());
    differs(restart, "sandbox", applied.sandbox(), desired.sandbox());
    return new SpecChange(restart.isEmpty() ? Kind.NONE : Kind.RESTART, restart);
  }

  private static void differs(List<String> into, String field, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      into.add(field);
    }
  }
}
