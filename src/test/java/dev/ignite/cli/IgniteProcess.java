package dev.ignite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real launcher bin/ignite, and the system ssh, as a user would. */
final class IgniteProcess {
  static final Path ROOT = Path.of("").toAbsolutePath();

  record Result(int code, String out, String err) {}

  private final Path state;

  IgniteProcess(Path state) {
    this.state = state;
  }

  Path state() {
    return state;
  }

  Result run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("bin/ignite").toString()));
    cmd.addAll(List.of("--state-dir", state.toString()));
    cmd.addAll(List.of(args));
    return exec(cmd, 300);
  }

  /** Runs {@code command} in the guest with the VM's own key, over the forwarded port. */
  Result ssh(String uid, int port, String command) throws IOException, InterruptedException {
    Path key = state.resolve("vms").resolve(uid).resolve("id_ed25519");
    return exec(
        List.of(
            "ssh",
            "-i",
            key.toString(),
            "-p",
            Integer.toString(port),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "LogLevel=error",
            "-o",
            "BatchMode=yes",
            "-o",
            "ConnectTimeout=20",
            "root@127.0.0.1",
            command),
        60);
  }

  static Result exec(List<String> cmd, int timeoutSeconds)
      throws IOException, InterruptedException {
    Path err = Files.createTempFile("ignite-it-err", ".txt");
    try {
      Process p =
          new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectError(err.toFile()).start();
      p.getOutputStream().close();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(timeoutSeconds, TimeUnit.SECONDS)).as("%s finished", cmd).isTrue();
      return new Result(p.exitValue(), out, Files.readString(err));
    } finally {
      Files.deleteIfExists(err);
    }
  }
}
