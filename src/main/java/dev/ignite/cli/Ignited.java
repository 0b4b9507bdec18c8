package dev.ignite.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** The {@code ignited} daemon: keeps this host's VMs in line with Git (or a local folder). */
@Command(
    name = "ignited",
    mixinStandardHelpOptions = true,
    versionProvider = BuildInfo.class,
    description = "ignited: the Ignite daemon that keeps this host's VMs in line with Git.",
    subcommands = {GitopsCommand.class, DaemonCommand.class, Ignited.Version.class},
    footer = {
      "",
      "Examples:",
      "  ignited gitops git@github.com:me/vms.git",
      "  ignited daemon --manifest-dir /etc/ignite/manifests"
    })
public final class Ignited implements Runnable, HasGlobals {
  private final GlobalOptions globals = new GlobalOptions();
  private final Map<String, String> env;

  @Mixin GlobalFlags globalFlags;
  @Spec CommandLine.Model.CommandSpec spec;

  Ignited(Map<String, String> env) {
    this.env = env;
    globals.logLevel = "info";
  }

  @Override
  public GlobalOptions globals() {
    return globals;
  }

  Map<String, String> env() {
    return env;
  }

  Wiring wiring() {
    return new Wiring(globals, env);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(
      name = "version",
      mixinStandardHelpOptions = true,
      description = "Print the version of ignited.",
      footer = {"", "Example:", "  ignited version"})
  static final class Version implements Runnable {
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      PrintWriter out = spec.commandLine().getOut();
      out.println("Ignited version: " + BuildInfo.version());
      out.println("Java version: " + BuildInfo.javaVersion());
      out.println("OS/Arch: " + BuildInfo.osArch());
    }
  }

  public static CommandLine commandLine(Map<String, String> env) {
    Ignited ignited = new Ignited(env);
    CommandLine cl = new CommandLine(ignited);
    Errors.install(cl, ignited::globals);
    return cl;
  }

  public static void main(String[] args) {
    StderrLogging.nameToSlf4j();
    if (System.getProperty(StderrLogging.LEVEL_PROPERTY) == null) {
      StderrLogging.setLevel("info"); // a daemon says what it does; --log-level overrides
    }
    CommandLine cl = commandLine(System.getenv());
    int code = cl.execute(args);
    cl.getOut().flush();
    System.exit(code);
  }
}
