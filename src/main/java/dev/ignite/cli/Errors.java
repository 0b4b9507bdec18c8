package dev.ignite.cli;

import dev.ignite.api.codec.ManifestException;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * How failures reach the user: one clear line on stderr (one per error for a bad manifest) and a
 * non-zero exit; the stack trace only with {@code --log-level debug}.
 */
final class Errors {
  static final int FAILED = 1;
  static final int USAGE = 2;

  private Errors() {}

  static void install(CommandLine cl, Supplier<GlobalOptions> globals) {
    cl.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          if (globals.get().debug()) {
            e.printStackTrace(cmd.getErr());
          }
          cmd.getErr().println(describe(e));
          return FAILED;
        });
    cl.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine cmd = e.getCommandLine();
          cmd.getErr()
              .println(
                  "error: "
                      + e.getMessage()
                      + " (see `"
                      + cmd.getCommandSpec().qualifiedName()
                      + " --help`)");
          return USAGE;
        });
  }

  static String describe(Exception e) {
    if (e instanceof ManifestException m) {
      return m.getMessage();
    }
    String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    return "error: " + message;
  }
}
