package dev.ignite.cli;

import dev.ignite.api.Vm;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    description =
        "Power VMs off through ACPI (the guest shuts down cleanly); a VM still running after"
            + " --timeout is stopped hard. Works on VMs started by any ignite process.",
    footer = {"", "Examples:", "  ignite stop my-vm", "  ignite stop --timeout 5 my-vm other-vm"})
final class StopCommand implements Runnable {
  @ParentCommand Ignite ignite;
  @Mixin GlobalFlags globalFlags;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "VM", description = "Name, uid or uid prefix")
  List<String> refs;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "Seconds to wait for the guest to power off (default: ${DEFAULT-VALUE})")
  long timeoutSeconds = 30;

  @Override
  public void run() {
    var lifecycle = ignite.wiring().lifecycle();
    EachVm.run(
        refs,
        spec.commandLine().getErr(),
        ref -> {
          Vm stopped = lifecycle.stop(ref, Duration.ofSeconds(timeoutSeconds));
          VmPrinter.print(spec.commandLine().getOut(), ignite.globals().quiet, stopped, "Stopped");
          lifecycle.gitopsNote(stopped).ifPresent(spec.commandLine().getErr()::println);
        });
  }
}
