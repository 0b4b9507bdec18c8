package dev.ignite.cli;

import dev.ignite.api.Ownership;
import dev.ignite.api.Vm;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code ignite ps} table, columns as in Ignite, padded so each column lines up. */
final class PsTable {
  static final String[] HEADER = {
    "VM ID", "IMAGE", "KERNEL", "SIZE", "CPUS", "MEMORY", "CREATED", "STATUS", "IPS", "PORTS",
    "NAME"
  };
  static final String FOOTNOTE =
      "* the recorded status disagrees with what is observed: the VM's process is gone (or alive"
          + " while recorded stopped)";

  /** One VM and, when known, whether its process is observed running. */
  record Row(Vm vm, Optional<Boolean> observedRunning) {
    boolean disagrees() {
      return observedRunning.isPresent() && observedRunning.get() != vm.status().running();
    }
  }

  private PsTable() {}

  /**
   * VMs that a repository manages get one more column naming it and the file, added only when there
   * are some, so the table stays Ignite's own otherwise.
   */
  static void print(List<Row> rows, Instant now, PrintWriter out) {
    boolean managed = rows.stream().anyMatch(r -> Ownership.owner(r.vm()).isPresent());
    List<String[]> cells = new ArrayList<>();
    cells.add(managed ? withManagedBy(HEADER, "MANAGED BY") : HEADER);
    for (Row r : rows) {
      cells.add(managed ? withManagedBy(cells(r, now), managedBy(r.vm())) : cells(r, now));
    }
    Columns.print(cells, out);
    if (rows.stream().anyMatch(Row::disagrees)) {
      out.print(FOOTNOTE + "\n");
    }
  }

  private static String[] cells(Row r, Instant now) {
    Vm vm = r.vm();
    var spec = vm.spec();
    var status = vm.status();
    boolean up = r.observedRunning().orElse(status.running());
    String state = up ? "Up " + Ages.since(status.startTime(), now) : "Stopped";
    return new String[] {
      vm.uid().value(),
      orDash(spec.image()),
      spec.kernel() == null ? "-" : orDash(spec.kernel().oci()),
      spec.diskSize() == null ? "-" : spec.diskSize().human(),
      spec.cpus() == null ? "-" : spec.cpus().toString(),
      spec.memory() == null ? "-" : spec.memory().human(),
      Ages.since(vm.metadata().created(), now) + " ago",
      state + (r.disagrees() ? " *" : ""),
      status.network() == null || !up ? "" : String.join(", ", status.network().ipAddresses()),
      spec.ports() == null
          ? ""
          : spec.ports().stream().map(Object::toString).collect(Collectors.joining(", ")),
      vm.name()
    };
  }

  private static String managedBy(Vm vm) {
    return Ownership.owner(vm)
        .map(repo -> repo + Ownership.file(vm).map(f -> " (" + f + ")").orElse(""))
        .orElse("-");
  }

  private static String[] withManagedBy(String[] cells, String last) {
    String[] out = java.util.Arrays.copyOf(cells, cells.length + 1);
    out[cells.length] = last;
    return out;
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }
}
