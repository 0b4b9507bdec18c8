package dev.ignite.cli;

import dev.ignite.api.Vm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Record a new VM in the store; `ignite start` boots it (`ignite run` does both).",
      "Values come from, in rising priority: built-in defaults, the host Configuration's"
          + " vmDefaults, the --config file, then these flags."
    },
    footer = {
      "",
      "Examples:",
      "  ignite create weaveworks/ignite-ubuntu --name my-vm --cpus 2 --memory 1GB --ssh",
      "  ignite create --config my-vm.yaml --memory 2GB -p 127.0.0.1:2222:22"
    })
final class CreateCommand implements Runnable {
  @ParentCommand Ignite ignite;
  @Mixin GlobalFlags globalFlags;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin VmFlags vm;

  @Override
  public void run() {
    Vm created = ignite.wiring().vms().create(vm.request());
    if (ignite.globals().quiet) {
      spec.commandLine().getOut().println(created.uid());
    } else {
      spec.commandLine()
          .getOut()
          .printf("Created VM %s with uid %s%n", created.name(), created.uid());
    }
  }
}
