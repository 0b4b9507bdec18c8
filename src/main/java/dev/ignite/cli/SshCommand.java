package dev.ignite.cli;

import dev.ignite.adapters.ssh.Ssh;
import dev.ignite.ports.SshTarget;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "ssh",
    mixinStandardHelpOptions = true,
    description = {
      "Open an interactive shell in a running VM (or run CMD) with the system ssh client, using"
          + " the VM's key and pinned host key."
    },
    footer = {
      "",
      "Examples:",
      "  ignite ssh my-vm",
      "  ignite ssh my-vm -i ~/.ssh/id_ed25519 -- cat /etc/hostname"
    })
final class SshCommand implements Callable<Integer> {
  @ParentCommand Ignite ignite;
  @Mixin GlobalFlags globalFlags;
  @Mixin GuestFlags guest;

  @Parameters(index = "0", paramLabel = "VM", description = "Name, uid or uid prefix")
  String vm;

  @Parameters(index = "1..*", arity = "0..*", paramLabel = "CMD", description = "Run this instead")
  List<String> command = List.of();

  @Override
  public Integer call() throws Exception {
    SshTarget target = ignite.wiring().guestAccess().target(vm, guest.identity());
    List<String> argv = Ssh.interactiveCommand(target, command);
    Process ssh;
    try {
      ssh = new ProcessBuilder(argv).inheritIO().start();
    } catch (IOException e) {
      throw new CliException(
          "cannot run `ssh` (" + e.getMessage() + "): install the Debian package openssh-client");
    }
    // The terminal's Ctrl-C reaches ssh too; ignite only waits and passes its exit code on.
    return ssh.waitFor();
  }
}
