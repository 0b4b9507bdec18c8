package dev.ignite.cli;

import dev.ignite.api.ApiObject;
import dev.ignite.api.Image;
import dev.ignite.api.Kernel;
import dev.ignite.api.Vm;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    description = "Print one VM, image or kernel as stored (v1alpha4, defaults filled in).",
    footer = {"", "Example:", "  ignite inspect vm my-vm -o yaml"})
final class InspectCommand implements Runnable {
  @ParentCommand Ignite ignite;
  @Mixin GlobalFlags globalFlags;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "KIND", description = "vm, image or kernel")
  String kind;

  @Parameters(index = "1", paramLabel = "NAME", description = "Name, uid or uid prefix")
  String ref;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "json or yaml (default: json)")
  String output = "json";

  @Override
  public void run() {
    Class<? extends ApiObject> type =
        switch (kind.toLowerCase(java.util.Locale.ROOT)) {
          case "vm", "vms" -> Vm.class;
          case "image", "images" -> Image.class;
          case "kernel", "kernels" -> Kernel.class;
          default ->
              throw new CliException("unknown kind \"" + kind + "\": use vm, image or kernel");
        };
    ApiObject found = ignite.wiring().store().find(type, ref);
    spec.commandLine().getOut().print(Output.one(found, output));
  }
}
