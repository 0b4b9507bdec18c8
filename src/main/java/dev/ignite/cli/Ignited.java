package dev.ignite.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** The {@code ignited} daemon. Only {@code version} exists so far: gitops comes later. */
@Command(
    name = "ignited",
    mixinStandardHelpOptions = true,
    versionProvider = BuildInfo.class,
    description = "ignited: the Ignite daemon that keeps this host's VMs in line with Git.",
    subcommands = Ignited.Version.class,
    footer = {"", "Example:", "  ignited version"})
public final class Ignited implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

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

  public static void main(String[] args) {
    StderrLogging.nameToSlf4j();
    CommandLine cl = new CommandLine(new Ignited());
    int code = cl.execute(args);
    cl.getOut().flush();
    System.exit(code);
  }
}
