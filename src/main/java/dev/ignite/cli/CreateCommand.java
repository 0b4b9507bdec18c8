package dev.ignite.cli;

import dev.ignite.api.Vm;
import dev.ignite.core.ImageService;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

  @Option(
      names = "--insecure-registry",
      paramLabel = "HOST:PORT",
      description =
          "Import the image now, speaking plain HTTP to this registry (its start then finds it"
              + " imported; also Configuration insecureRegistries)")
  List<String> insecure = new ArrayList<>();

  @Override
  public void run() {
    ImageService images = ignite.wiring().images(insecure);
    Vm request = vm.request(images);
    if (!insecure.isEmpty() && request.spec().image() != null) {
      try (ProgressPrinter progress =
          new ProgressPrinter(spec.commandLine().getErr(), ignite.globals().quiet)) {
        images.ensure(request.spec().image(), progress);
      }
    }
    Vm created = ignite.wiring().vms().create(request);
    if (ignite.globals().quiet) {
      spec.commandLine().getOut().println(created.uid());
    } else {
      spec.commandLine()
          .getOut()
          .printf("Created VM %s with uid %s%n", created.name(), created.uid());
    }
  }
}
