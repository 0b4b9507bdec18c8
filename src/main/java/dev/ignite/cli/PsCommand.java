package dev.ignite.cli;

import dev.ignite.api.Vm;
import dev.ignite.ports.VmProbe;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "ps",
    mixinStandardHelpOptions = true,
    description = "List running VMs (all VMs with -a).",
    footer = {
      "",
      "Examples:",
      "  ignite ps -a",
      "  ignite ps -a -f '{{.ObjectMeta.Name}}=my-vm' -t '{{.Spec.Memory}} {{.Status.Running}}'",
      "  ignite ps -a -f 'name=~^web-,running=false' -q"
    })
final class PsCommand implements Runnable {
  @ParentCommand Ignite ignite;
  @Mixin GlobalFlags globalFlags;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-a", "--all"},
      description = "Show stopped VMs too")
  boolean all;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "table, json or yaml (default: table)")
  String output = "table";

  @Option(
      names = {"-f", "--filter"},
      paramLabel = "FILTER",
      description = "KEY=VALUE or {{.Field.Path}}=VALUE; operators = == != =~ !~; comma = and")
  String filter;

  @Option(
      names = {"-t", "--template"},
      paramLabel = "TEMPLATE",
      description = "Print each VM through a template, e.g. '{{.ObjectMeta.Name}} {{.Spec.CPUs}}'")
  String template;

  @Override
  public void run() {
    Predicate<Vm> wanted = filter == null ? vm -> true : VmFilter.parseAll(filter);
    VmTemplate tpl = template == null ? null : VmTemplate.parse(template);
    if (!List.of("table", "json", "yaml").contains(output)) {
      throw new CliException("unknown output format \"" + output + "\": use table, json or yaml");
    }
    VmProbe probe = ignite.wiring().probe();
    List<Vm> vms =
        ignite.wiring().vms().list().stream()
            .filter(vm -> all || runningByRecordOrObservation(vm, probe))
            .filter(wanted)
            .toList();
    print(vms, tpl, probe, spec.commandLine().getOut());
  }

  /**
   * Without -a, a VM is listed when its status says running (a dead one is then marked `*`) or when
   * its process is observed alive although the status says stopped (e.g. a crash between launch and
   * the status write): either way the user should see it.
   */
  private static boolean runningByRecordOrObservation(Vm vm, VmProbe probe) {
    return vm.status().running() || probe.observeRunning(vm).orElse(false);
  }

  private void print(List<Vm> vms, VmTemplate tpl, VmProbe probe, PrintWriter out) {
    if (ignite.globals().quiet) {
      vms.forEach(vm -> out.println(vm.uid()));
    } else if (tpl != null) {
      vms.forEach(vm -> out.println(tpl.render(vm)));
    } else if (output.equals("json")) {
      out.print(Output.json(vms));
    } else if (output.equals("yaml")) {
      out.print(Output.yaml(vms));
    } else {
      List<PsTable.Row> rows =
          vms.stream().map(vm -> new PsTable.Row(vm, probe.observeRunning(vm))).toList();
      PsTable.print(rows, Instant.now(), out);
    }
  }
}
