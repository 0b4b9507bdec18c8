package dev.ignite.cli;

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

  static void print(List<Row> rows, Instant now, PrintWriter out) {
    List<String[]> cells = new ArrayList<>();
    cells.add(HEADER);
    rows.forEach(r -> cells.add(cells(r, now)));
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

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }
}
