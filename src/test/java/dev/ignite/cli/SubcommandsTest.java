package dev.ignite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubcommandsTest {
  @Test
  void buildsOnlyTheNamedSubcommand() {
    assertThat(Subcommands.neededBy(new String[] {"ps", "-a"})).containsExactly(PsCommand.class);
  }

  @Test
  void skipsGlobalOptionValuesThatLookLikeCommands() {
    String[] args = {"--state-dir", "run", "-q", "--log-level", "debug", "image", "ls"};
    assertThat(Subcommands.neededBy(args)).containsExactly(ImageCommand.class);
  }

  @Test
  void buildsAllForHelpUnknownWordsAndCompletion() {
    int all = Subcommands.ALL.size();
    assertThat(Subcommands.neededBy(new String[] {"--help"})).hasSize(all);
    assertThat(Subcommands.neededBy(new String[] {})).hasSize(all);
    assertThat(Subcommands.neededBy(new String[] {"pss"})).hasSize(all);
    assertThat(Subcommands.neededBy(new String[] {"completion"})).hasSize(all);
  }

  @Test
  void listsEveryCommandInHelp() {
    var out = new java.io.StringWriter();
    var cl = Ignite.commandLine(java.util.Map.of());
    cl.setOut(new java.io.PrintWriter(out));
    cl.execute("--help");
    assertThat(out.toString()).contains("version", "image", "kernel", "completion", "cp", "ssh");
    assertThat(cl.getSubcommands()).hasSize(Subcommands.ALL.size());
  }

  @Test
  void onlyExecAndCpReachAGuestThroughOurClient() {
    assertThat(
            Subcommands.reachesGuest(
                Subcommands.neededBy(new String[] {"exec", "vm", "--", "true"})))
        .isTrue();
    assertThat(
            Subcommands.reachesGuest(Subcommands.neededBy(new String[] {"-q", "cp", "a", "vm:/b"})))
        .isTrue();
    assertThat(Subcommands.reachesGuest(Subcommands.neededBy(new String[] {"ssh", "vm"})))
        .isFalse();
    assertThat(Subcommands.reachesGuest(Subcommands.neededBy(new String[] {"ps"}))).isFalse();
    assertThat(Subcommands.reachesGuest(Subcommands.neededBy(new String[] {"--help"}))).isFalse();
  }
}
