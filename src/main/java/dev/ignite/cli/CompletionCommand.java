package dev.ignite.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = "Print a shell completion script for bash or zsh.",
    footer = {"", "Example:", "  source <(ignite completion bash)"})
final class CompletionCommand implements Runnable {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash or zsh")
  String shell;

  @Override
  public void run() {
    String script = AutoComplete.bash("ignite", spec.root().commandLine());
    switch (shell) {
      case "bash" -> spec.commandLine().getOut().print(script);
      // picocli's script also runs under zsh once bash-style completion is loaded.
      case "zsh" ->
          spec.commandLine()
              .getOut()
              .print(
                  "autoload -U +X compinit && compinit\n"
                      + "autoload -U +X bashcompinit && bashcompinit\n"
                      + script);
      default -> throw new CliException("unknown shell \"" + shell + "\": use bash or zsh");
    }
  }
}
