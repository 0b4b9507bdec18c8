package dev.ignite.cli;

import dev.ignite.adapters.disk.Disks;
import dev.ignite.adapters.ssh.Ssh;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code ignite} command: manage VMs on this host by hand. */
@Command(
    name = "ignite",
    mixinStandardHelpOptions = true,
    versionProvider = BuildInfo.class,
    description = "Ignite: run and manage VMs on this host.",
    footer = {"", "Example:", "  ignite run oci:/tmp/sample:1 --name my-vm --ssh && ignite ps"})
public final class Ignite implements Runnable, HasGlobals {
  private final GlobalOptions globals = new GlobalOptions();
  private final Wiring wiring;

  @Mixin GlobalFlags globalFlags;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  Ignite(Map<String, String> env) {
    this.wiring = new Wiring(globals, env);
  }

  @Override
  public GlobalOptions globals() {
    return globals;
  }

  Wiring wiring() {
    return wiring;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** A ready command line with ignite's error handling; {@code env} supplies IGNITE_STATE_DIR. */
  public static CommandLine commandLine(Map<String, String> env) {
    return commandLine(env, List.copyOf(Subcommands.ALL.values()));
  }

  private static CommandLine commandLine(Map<String, String> env, List<Class<?>> subcommands) {
    Ignite ignite = new Ignite(env);
    CommandLine cl = new CommandLine(ignite);
    subcommands.forEach(cl::addSubcommand);
    Errors.install(cl, ignite::globals);
    return cl;
  }

  /**
   * An image's first VM has its base disk written in the background; exiting would stop it, and the
   * next VM would pay for mkfs again. Ctrl-C still stops it at once (the shutdown hook).
   */
  private static void finishBaseDisk(CommandLine cl) {
    if (!Disks.finishBackgroundWrites(Duration.ofSeconds(1))) {
      cl.getErr()
          .println(
              "ignite: finishing the image's base disk, which later VMs are copied from (Ctrl-C skips it)");
      cl.getErr().flush();
      Disks.finishBackgroundWrites(Duration.ofSeconds(60));
    }
  }

  public static void main(String[] args) {
    StderrLogging.nameToSlf4j();
    List<Class<?>> needed = Subcommands.neededBy(args);
    if (Subcommands.reachesGuest(needed)) {
      Ssh.warmUp(); // MINA's ~40 ms of set-up overlap picocli's parsing, on the other core
    }
    CommandLine cl = commandLine(System.getenv(), needed);
    int code = cl.execute(args);
    cl.getOut().flush(); // print() does not flush on its own, and exit() skips it
    cl.getErr().flush();
    finishBaseDisk(cl);
    System.exit(code);
  }
}
