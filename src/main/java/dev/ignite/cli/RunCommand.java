package dev.ignite.cli;

import dev.ignite.api.Vm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Create a VM and boot it. A missing image or kernel is imported first. With --ssh, waits"
          + " until the guest answers SSH (software emulation boots take 10-40 s).",
      "Values come from, in rising priority: built-in defaults, the host Configuration's"
          + " vmDefaults, the --config file, then these flags."
    },
    footer = {
      "",
      "Examples:",
      "  scripts/build-sample-image /tmp/sample",
      "  ignite run oci:/tmp/sample:1 --name my-vm --ssh -p 127.0.0.1:2222:22",
      "  ignite run --config my-vm.yaml -v /srv/data.img:/data --memory 1GB"
    })
final class RunCommand implements Runnable {
  @ParentCommand Ignite ignite;
  @Mixin GlobalFlags globalFlags;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin VmFlags vm;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "How long to wait for SSH to answer (default: ${DEFAULT-VALUE})")
  long timeoutSeconds = 120;

  @Option(
      names = "--insecure-registry",
      paramLabel = "HOST:PORT",
      description =
          "Speak plain HTTP to this registry if the image must be imported (also Configuration"
              + " insecureRegistries)")
  List<String> insecure = new ArrayList<>();

  @Option(
      names = {"-i", "--interactive"},
      description = "Follow the serial console after starting (Ctrl-C detaches)")
  boolean interactive;

  @Override
  public void run() {
    Vm started;
    try (ProgressPrinter progress =
        new ProgressPrinter(spec.commandLine().getErr(), ignite.globals().quiet)) {
      Duration wait = interactive ? null : Duration.ofSeconds(timeoutSeconds);
      Vm request = vm.request(ignite.wiring().images(insecure));
      started = ignite.wiring().lifecycle(insecure).run(request, progress, wait);
    }
    VmPrinter.started(spec.commandLine().getOut(), ignite.globals().quiet, started);
    if (interactive) {
      ConsoleFollower.follow(ignite.wiring().lifecycle(), started, spec.commandLine().getOut());
    }
  }
}
