package dev.ignite.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ignite's subcommands, and which of them a command line needs. Picocli reads the annotations of
 * every subcommand it is given (about 100 ms for all of ignite's at start-up), so a command line
 * that names one gets only that one; help, completion and unknown words get them all.
 */
final class Subcommands {
  /** In the order `ignite --help` lists them. */
  static final Map<String, Class<?>> ALL = all();

  /** Global options whose value is the next word: skipped when looking for the subcommand. */
  private static final Set<String> WITH_VALUE =
      Set.of("--state-dir", "--log-level", "--ignite-config");

  /** The only command that needs the whole tree: it writes completion for all of it. */
  private static final String COMPLETION = "completion";

  private Subcommands() {}

  private static Map<String, Class<?>> all() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("version", VersionCommand.class);
    m.put("create", CreateCommand.class);
    m.put("run", RunCommand.class);
    m.put("start", StartCommand.class);
    m.put("stop", StopCommand.class);
    m.put("kill", KillCommand.class);
    m.put("logs", LogsCommand.class);
    m.put("attach", AttachCommand.class);
    m.put("ps", PsCommand.class);
    m.put("inspect", InspectCommand.class);
    m.put("rm", RmCommand.class);
    m.put("image", ImageCommand.class);
    m.put("kernel", KernelCommand.class);
    m.put("exec", ExecCommand.class);
    m.put("ssh", SshCommand.class);
    m.put("cp", CpCommand.class);
    m.put(COMPLETION, CompletionCommand.class);
    return m;
  }

  /** Whether {@code needed} is a command that talks SSH to a guest through our own client. */
  static boolean reachesGuest(List<Class<?>> needed) {
    return needed.equals(List.of(ExecCommand.class)) || needed.equals(List.of(CpCommand.class));
  }

  /** The subcommands {@code args} needs: the one it names, or all of them. */
  static List<Class<?>> neededBy(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (WITH_VALUE.contains(arg)) {
        i++;
      } else if (!arg.startsWith("-")) {
        Class<?> named = ALL.get(arg);
        return named == null || arg.equals(COMPLETION) ? List.copyOf(ALL.values()) : List.of(named);
      }
    }
    return List.copyOf(ALL.values());
  }
}
