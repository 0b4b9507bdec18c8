package dev.ignite.cli;

import dev.ignite.api.Vm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "attach",
    mixinStandardHelpOptions = true,
    description = {
      "Follow a running VM's serial console: what is there already, then new output until the VM"
          + " stops. Ctrl-C detaches and leaves the VM running.",
      "Read-only: QEMU writes the serial port to a file, so keystrokes do not reach the guest"
          + " (use `ignite ssh` or `ignite exec` to type into it)."
    },
    footer = {"", "Example:", "  ignite attach my-vm"})
final class AttachCommand implements Runnable {
  @ParentCommand Ignite ignite;
  @Mixin GlobalFlags globalFlags;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "VM", description = "Name, uid or uid prefix")
  String ref;

  @Override
  public void run() {
    var lifecycle = ignite.wiring().lifecycle();
    Vm vm = lifecycle.get(ref);
    if (lifecycle.observe(vm).isEmpty()) {
      throw new CliException("VM " + vm.name() + " is not running: ignite start -i " + vm.name());
    }
    ConsoleFollower.follow(lifecycle, vm, spec.commandLine().getOut());
  }
}
