package dev.ignite.cli;

import dev.ignite.ports.GuestShell;
import dev.ignite.ports.SshTarget;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;

/**
 * The command of {@code ignite exec}. As in Ignite, one argument is a command line for the guest's
 * shell ({@code ignite exec vm 'ls -l /'}), while several are an argv whose words are each quoted,
 * so {@code -- sh -c 'exit 3'} reaches the guest as three words.
 */
record GuestCommand(List<String> words) {
  GuestCommand {
    if (words == null || words.isEmpty()) {
      throw new CliException("give the command to run, e.g. `ignite exec VM -- uname -r`");
    }
    words = List.copyOf(words);
  }

  boolean throughShell() {
    return words.size() == 1;
  }

  int run(
      GuestShell shell,
      SshTarget target,
      InputStream in,
      OutputStream out,
      OutputStream err,
      Duration timeout) {
    return throughShell()
        ? shell.exec(target, words.get(0), in, out, err, timeout)
        : shell.exec(target, words, in, out, err, timeout);
  }
}
