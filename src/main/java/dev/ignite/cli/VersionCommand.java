package dev.ignite.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    description = "Print the version of ignite.",
    footer = {"", "Example:", "  ignite version -o short"})
final class VersionCommand implements Runnable {
  @Mixin GlobalFlags globalFlags;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      description = "short, json or yaml (default: text)")
  String output = "text";

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    switch (output) {
      case "text" -> {
        out.println("Ignite version: " + BuildInfo.version());
        out.println("Java version: " + BuildInfo.javaVersion());
        out.println("OS/Arch: " + BuildInfo.osArch());
      }
      case "short" -> out.println(BuildInfo.version());
      case "json" ->
          out.printf(
              "{%n  \"ignite\": %s,%n  \"java\": %s,%n  \"osArch\": %s%n}%n",
              Json.quote(BuildInfo.version()),
              Json.quote(BuildInfo.javaVersion()),
              Json.quote(BuildInfo.osArch()));
      case "yaml" ->
          out.printf(
              "ignite: %s%njava: %s%nosArch: %s%n",
              Json.quote(BuildInfo.version()),
              Json.quote(BuildInfo.javaVersion()),
              Json.quote(BuildInfo.osArch()));
      default ->
          throw new CliException(
              "unknown output format \"" + output + "\": use short, json or yaml");
    }
  }
}
