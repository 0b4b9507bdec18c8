package dev.ignite.cli;

import dev.ignite.ports.GuestShell;
import dev.ignite.ports.SshTarget;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "cp",
    mixinStandardHelpOptions = true,
    description = {
      "Copy a file or directory between the host and a running VM; exactly one side is VM:path.",
      "An existing directory receives the copy inside it, as `cp -r` does. SFTP is used when the"
          + " guest offers it, else tar over SSH.",
      "A local path that holds a colon is written ./name:x (or absolute) so it is not read as"
          + " VM:path."
    },
    footer = {
      "",
      "Examples:",
      "  ignite cp ./site my-vm:/srv/",
      "  ignite cp my-vm:/var/log/messages ./messages"
    })
final class CpCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(CpCommand.class);

  @ParentCommand Ignite ignite;
  @Mixin GlobalFlags globalFlags;
  @Mixin GuestFlags guest;

  @Parameters(index = "0", paramLabel = "SRC", description = "Local path or VM:path")
  String source;

  @Parameters(index = "1", paramLabel = "DST", description = "Local path or VM:path")
  String destination;

  @Override
  public Integer call() {
    CopyRequest request = CopyRequest.of(source, destination);
    Wiring wiring = ignite.wiring();
    SshTarget target = wiring.guestAccess().target(request.vm(), guest.identity());
    GuestShell shell = wiring.guestShell();
    GuestShell.CopyMethod method =
        request.intoGuest()
            ? shell.copyIn(target, request.local(), request.guestPath(), guest.timeout())
            : shell.copyOut(target, request.guestPath(), request.local(), guest.timeout());
    LOG.info("copied {} to {} by {}", source, destination, describe(method));
    return 0;
  }

  private static String describe(GuestShell.CopyMethod method) {
    return method == GuestShell.CopyMethod.SFTP ? "SFTP" : "tar over SSH";
  }
}
