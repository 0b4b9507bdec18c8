package dev.ignite.cli;

import dev.ignite.api.Vm;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "kill",
    mixinStandardHelpOptions = true,
    description =
        "End VMs' processes at once, without a guest shutdown (unsynced writes are lost).",
    footer = {"", "Example:", "  ignite kill my-vm"})
final class KillCommand implements Runnable {
  @ParentCommand Ignite ignite;
  @Mixin GlobalFlags globalFlags;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "VM", description = "Name, uid or uid prefix")
  List<String> refs;

  @Override
  public void run() {
    var lifecycle = ignite.wiring().lifecycle();
    EachVm.run(
        refs,
        spec.commandLine().getErr(),
        ref -> {
          Vm killed = lifecycle.kill(ref);
          VmPrinter.print(spec.commandLine().getOut(), ignite.globals().quiet, killed, "Killed");
          lifecycle.gitopsNote(killed).ifPresent(spec.commandLine().getErr()::println);
        });
  }
}
