package dev.ignite.cli;

import static dev.ignite.cli.CliRun.ignite;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GuestCommandTest {
  @TempDir Path state;

  private static ExecCommand parseExec(String... args) {
    CommandLine cl = Ignite.commandLine(java.util.Map.of());
    CommandLine.ParseResult parsed = cl.parseArgs(args);
    return (ExecCommand) parsed.subcommand().commandSpec().userObject();
  }

  @Test
  void oneArgumentWithSpacesRunsThroughTheGuestShell() {
    ExecCommand exec = parseExec("exec", "web", "ls -l /");
    assertThat(exec.vm).isEqualTo("web");
    GuestCommand command = new GuestCommand(exec.command);
    assertThat(command.throughShell()).isTrue();
    assertThat(command.words()).containsExactly("ls -l /");
  }

  @Test
  void wordsAfterTheDoubleDashAreAnArgvEvenWhenTheyLookLikeOptions() {
    ExecCommand exec = parseExec("exec", "web", "-t", "5", "--", "sh", "-c", "exit 3");
    assertThat(exec.command).containsExactly("sh", "-c", "exit 3");
    assertThat(new GuestCommand(exec.command).throughShell()).isFalse();
    assertThat(exec.guest.timeout()).hasSeconds(5);
  }

  @Test
  void identityMayFollowTheVm() {
    ExecCommand exec = parseExec("exec", "web", "-i", "/keys/id", "--", "true");
    assertThat(exec.guest.identity()).contains(Path.of("/keys/id"));
    assertThat(exec.command).containsExactly("true");
  }

  @Test
  void anEmptyCommandIsRefused() {
    assertThatThrownBy(() -> new GuestCommand(List.of()))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("ignite exec VM -- uname -r");
  }

  @Test
  void execWithoutACommandIsAUsageError() {
    CliRun run = ignite(state, "exec", "web");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("CMD");
  }

  @Test
  void execOnAnUnknownVmSaysSo() {
    CliRun run = ignite(state, "exec", "nope", "--", "true");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no VM with name or uid prefix \"nope\"");
  }

  @Test
  void eachGuestCommandHasHelpWithAnExample() {
    for (String command : List.of("exec", "ssh", "cp")) {
      CliRun run = ignite(state, command, "--help");
      assertThat(run.exitCode()).isZero();
      assertThat(run.out()).contains("Example").contains("ignite " + command + " ");
    }
  }
}
