package dev.ignite.cli;

import dev.ignite.ports.SshTarget;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "exec",
    mixinStandardHelpOptions = true,
    description = {
      "Run a command in a running VM over SSH; stdin, stdout and stderr are streamed and the"
          + " command's exit code is ignite's.",
      "One argument is a command line for the guest's shell; several are run as they are, each"
          + " word quoted."
    },
    footer = {
      "",
      "Examples:",
      "  ignite exec my-vm -- uname -r",
      "  ignite exec my-vm 'ls -l / | head'",
      "  tar c dir | ignite exec my-vm -- tar x -C /root"
    })
final class ExecCommand implements Callable<Integer> {
  @ParentCommand Ignite ignite;
  @Mixin GlobalFlags globalFlags;
  @Mixin GuestFlags guest;

  @Parameters(index = "0", paramLabel = "VM", description = "Name, uid or uid prefix")
  String vm;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "CMD", description = "The command")
  List<String> command;

  @Override
  public Integer call() throws Exception {
    GuestCommand guestCommand = new GuestCommand(command);
    Wiring wiring = ignite.wiring();
    SshTarget target = wiring.guestAccess().target(vm, guest.identity());
    // System.out flushes on every write, so output reaches a pipe as the guest writes it.
    int code =
        guestCommand.run(
            wiring.guestShell(), target, System.in, System.out, System.err, guest.timeout());
    System.out.flush();
    System.err.flush();
    return code;
  }
}
