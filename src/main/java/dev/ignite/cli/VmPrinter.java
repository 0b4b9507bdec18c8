package dev.ignite.cli;

import dev.ignite.api.Vm;
import java.io.PrintWriter;

/** The one-line results of lifecycle commands: the uid alone with -q. */
final class VmPrinter {
  private VmPrinter() {}

  static void started(PrintWriter out, boolean quiet, Vm vm) {
    print(out, quiet, vm, "Started");
  }

  static void print(PrintWriter out, boolean quiet, Vm vm, String verb) {
    if (quiet) {
      out.println(vm.uid());
    } else {
      out.printf("%s VM %s with uid %s%n", verb, vm.name(), vm.uid());
    }
    out.flush();
  }
}
