package dev.ignite.cli;

import dev.ignite.api.Vm;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "rm",
    mixinStandardHelpOptions = true,
    description =
        "Remove VMs and their folders (disk, keys, console log). A running VM is refused unless"
            + " -f, which kills it first.",
    footer = {"", "Examples:", "  ignite rm my-vm", "  ignite rm -f my-vm other-vm"})
final class RmCommand implements Runnable {
  @ParentCommand Ignite ignite;
  @Mixin GlobalFlags globalFlags;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "VM", description = "Name, uid or uid prefix")
  List<String> refs;

  @Option(
      names = {"-f", "--force"},
      description = "Kill a running VM, then remove it")
  boolean force;

  @Override
  public void run() {
    EachVm.run(refs, spec.commandLine().getErr(), this::remove);
  }

  private void remove(String ref) {
    var lifecycle = ignite.wiring().lifecycle();
    Vm removed = lifecycle.remove(ref, force);
    lifecycle.gitopsNote(removed).ifPresent(spec.commandLine().getErr()::println);
    if (ignite.globals().quiet) {
      spec.commandLine().getOut().println(removed.uid());
    } else {
      spec.commandLine()
          .getOut()
          .printf("Removed VM %s with uid %s%n", removed.name(), removed.uid());
    }
  }
}
