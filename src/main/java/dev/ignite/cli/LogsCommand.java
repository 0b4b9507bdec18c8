package dev.ignite.cli;

import dev.ignite.api.Vm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = "Print a VM's serial console output (kept across stop/start).",
    footer = {"", "Examples:", "  ignite logs my-vm", "  ignite logs -f my-vm"})
final class LogsCommand implements Runnable {
  @ParentCommand Ignite ignite;
  @Mixin GlobalFlags globalFlags;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "VM", description = "Name, uid or uid prefix")
  String ref;

  @Option(
      names = {"-f", "--follow"},
      description = "Keep printing new output until the VM stops (Ctrl-C to quit)")
  boolean follow;

  @Override
  public void run() {
    var lifecycle = ignite.wiring().lifecycle();
    Vm vm = lifecycle.get(ref);
    if (follow) {
      ConsoleFollower.follow(lifecycle, vm, spec.commandLine().getOut());
    } else {
      ConsoleFollower.print(lifecycle, vm, spec.commandLine().getOut());
    }
  }
}
