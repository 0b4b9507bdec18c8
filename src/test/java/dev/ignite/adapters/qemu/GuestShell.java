package dev.ignite.adapters.qemu;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Runs commands in a guest with the system's OpenSSH client, as a person would. */
record GuestShell(Path key, int port) {
  String run(String command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
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
                    "BatchMode=yes",
                    "-o",
                    "ConnectTimeout=10",
                    "-o",
                    "LogLevel=ERROR",
                    "root@127.0.0.1",
                    command))
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("ssh " + command + " failed: " + out);
    }
    return out;
  }

  /** Retries until SSH answers: the guest's sshd starts some seconds into the boot. */
  String awaitOutput(String command, Duration atMost) {
    AtomicReference<String> out = new AtomicReference<>();
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofSeconds(2))
        .ignoreExceptions()
        .until(
            () -> {
              out.set(run(command));
              return true;
            });
    return out.get();
  }
}
