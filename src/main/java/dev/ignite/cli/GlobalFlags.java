package dev.ignite.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Mixed into every command so `ignite --state-dir X ps` and `ignite ps --state-dir X` both work:
 * each setter writes to the root command's {@link GlobalOptions}. Setters ignore the resets
 * (null/false) picocli applies before parsing each command, so a subcommand never undoes a flag
 * given to the root.
 */
final class GlobalFlags {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  private GlobalOptions globals() {
    return ((HasGlobals) mixee.root().userObject()).globals();
  }

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      description =
          "State dir (default: $IGNITE_STATE_DIR, /var/lib/ignite as root, else"
              + " ~/.local/share/ignite)")
  void stateDir(String dir) {
    if (dir != null) {
      globals().stateDir = dir;
    }
  }

  @Option(
      names = "--log-level",
      paramLabel = "LEVEL",
      description = "error, warn, info, debug or trace (debug also prints stack traces)")
  void logLevel(String level) {
    if (level != null) {
      globals().logLevel = level;
      StderrLogging.setLevel(level);
    }
  }

  @Option(
      names = {"-q", "--quiet"},
      description = "Print only ids")
  void quiet(boolean quiet) {
    if (quiet) {
      globals().quiet = true;
    }
  }

  @Option(
      names = "--ignite-config",
      paramLabel = "FILE",
      description = "Host Configuration (default: /etc/ignite/config.yaml if it exists)")
  void igniteConfig(String file) {
    if (file != null) {
      globals().igniteConfig = file;
    }
  }
}
