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
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Boot VMs that are created or stopped. Their root disk is kept from the last run.",
      "A VM with a generated SSH key is waited for until SSH answers."
    },
    footer = {"", "Examples:", "  ignite start my-vm", "  ignite start -i my-vm"})
final class StartCommand implements Runnable {
  @ParentCommand Ignite ignite;
  @Mixin GlobalFlags globalFlags;
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "VM", description = "Name, uid or uid prefix")
  List<String> refs;

  @Option(
      names = {"-i", "--interactive"},
      description = "Follow the serial console after starting (Ctrl-C detaches; read-only)")
  boolean interactive;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description = "How long to wait for SSH to answer (default: ${DEFAULT-VALUE})")
  long timeoutSeconds = 120;

  @Override
  public void run() {
    if (interactive && refs.size() != 1) {
      throw new CliException("start -i attaches to one VM; name exactly one");
    }
    var lifecycle = ignite.wiring().lifecycle();
    Duration wait = interactive ? null : Duration.ofSeconds(timeoutSeconds);
    EachVm.run(
        refs,
        spec.commandLine().getErr(),
        ref -> {
          Vm started;
          try (ProgressPrinter progress =
              new ProgressPrinter(spec.commandLine().getErr(), ignite.globals().quiet)) {
            started = lifecycle.start(ref, progress, wait);
          }
          VmPrinter.started(spec.commandLine().getOut(), ignite.globals().quiet, started);
          lifecycle.gitopsNote(started).ifPresent(spec.commandLine().getErr()::println);
          if (interactive) {
            ConsoleFollower.follow(lifecycle, started, spec.commandLine().getOut());
          }
        });
  }
}
