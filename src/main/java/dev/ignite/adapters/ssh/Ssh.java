package dev.ignite.adapters.ssh;

import dev.ignite.ports.GuestShell;
import dev.ignite.ports.SshKeys;
import dev.ignite.ports.SshTarget;
import java.util.ArrayList;
import java.util.List;

/** The SSH adapter's entry point: the guest shell, VM keys, and the argv of an interactive ssh. */
public final class Ssh {
  private Ssh() {}

  /** The guest shell; its client classes start loading in the background at once. */
  public static GuestShell guestShell() {
    ClientWarmUp.start();
    return new MinaGuestShell();
  }

  /**
   * Starts loading the client's classes on a daemon thread now, for a process that will reach a
   * guest soon: `ignite exec` and `cp` call it before parsing their command line.
   */
  public static void warmUp() {
    ClientWarmUp.start();
  }

  public static SshKeys keys() {
    return new Ed25519Keys();
  }

  /**
   * The system ssh command line for an interactive session (or {@code remoteArgv}, quoted, when not
   * empty), sharing the VM's pinned host key with the guest shell.
   */
  public static List<String> interactiveCommand(SshTarget target, List<String> remoteArgv) {
    List<String> argv = new ArrayList<>();
    argv.add("ssh");
    argv.addAll(List.of("-i", target.identity().toString()));
    argv.addAll(List.of("-p", Integer.toString(target.port())));
    option(argv, "UserKnownHostsFile", target.knownHosts().toString());
    option(argv, "GlobalKnownHostsFile", "/dev/null");
    option(argv, "StrictHostKeyChecking", "accept-new");
    option(argv, "HostKeyAlias", target.hostKeyAlias());
    option(argv, "IdentitiesOnly", "yes");
    option(argv, "HashKnownHosts", "no");
    argv.add(target.user() + "@" + target.host());
    if (!remoteArgv.isEmpty()) {
      argv.add("--");
      argv.add(ShellWords.join(remoteArgv));
    }
    return List.copyOf(argv);
  }

  private static void option(List<String> argv, String name, String value) {
    argv.add("-o");
    argv.add(name + "=" + value);
  }
}
