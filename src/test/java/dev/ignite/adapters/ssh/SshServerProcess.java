package dev.ignite.adapters.ssh;

import dev.ignite.testing.LoopbackPorts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real SSH server (OpenSSH's sshd or dropbear) on 127.0.0.1, standing in for a guest's. It runs
 * as the current user (root here) with every file it reads kept in a temp folder.
 */
final class SshServerProcess implements AutoCloseable {
  private final Process process;
  private final int port;
  private final StringBuffer log = new StringBuffer();

  private SshServerProcess(List<String> command, int port, Predicate<String> ready)
      throws IOException, InterruptedException {
    this.port = port;
    this.process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CountDownLatch up = new CountDownLatch(1);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  log.append(line).append('\n');
                  if (ready.test(line)) {
                    up.countDown();
                  }
                }
              } catch (IOException ignored) {
                // the server was stopped
              }
            });
    reader.setDaemon(true);
    reader.start();
    if (!up.await(20, TimeUnit.SECONDS)) {
      close();
      throw new IllegalStateException("SSH server did not start: " + command + "\n" + log);
    }
  }

  /** OpenSSH's sshd with our authorized key; {@code sftp} false leaves the subsystem out. */
  static SshServerProcess openSsh(Path dir, Path hostKey, String authorizedKey, boolean sftp)
      throws IOException, InterruptedException {
    Files.createDirectories(Path.of("/run/sshd"));
    int port = LoopbackPorts.free();
    Path authorized = dir.resolve("authorized_keys");
    Files.writeString(authorized, authorizedKey + "\n");
    Path config = dir.resolve("sshd_config-" + port);
    Files.writeString(
        config,
        String.join(
            "\n",
            "Port " + port,
            "ListenAddress 127.0.0.1",
            "HostKey " + hostKey,
            "AuthorizedKeysFile " + authorized,
            "PidFile " + dir.resolve("sshd-" + port + ".pid"),
            "StrictModes no",
            "UsePAM no",
            "PermitRootLogin prohibit-password",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            sftp ? "Subsystem sftp internal-sftp" : "",
            ""));
    return new SshServerProcess(
        List.of("/usr/sbin/sshd", "-D", "-e", "-f", config.toString()),
        port,
        line -> line.contains("Server listening on 127.0.0.1 port " + port));
  }

  /**
   * dropbear reads only the target user's ~/.ssh/authorized_keys, so it runs in a private mount
   * namespace where a temp folder is bound over /root: the real one is never touched.
   */
  static SshServerProcess dropbear(Path dir, String authorizedKey)
      throws IOException, InterruptedException {
    int port = LoopbackPorts.free();
    // A whole home is bound over /root, not just .ssh: a fresh machine may have no /root/.ssh to
    // bind onto.
    Path home = Files.createDirectories(dir.resolve("dropbear-home"));
    Path dotSsh = Files.createDirectories(home.resolve(".ssh"));
    Files.writeString(dotSsh.resolve("authorized_keys"), authorizedKey + "\n");
    Path hostKey = dir.resolve("dropbear_ed25519_host_key");
    if (!Files.exists(hostKey)) {
      run(List.of("dropbearkey", "-t", "ed25519", "-f", hostKey.toString()));
    }
    String script =
        "mount --bind \"$1\" /root && exec /usr/sbin/dropbear -F -E -s"
            + " -p 127.0.0.1:\"$2\" -r \"$3\" -P \"$4\"";
    return new SshServerProcess(
        List.of(
            "unshare",
            "-m",
            "sh",
            "-c",
            script,
            "sh",
            home.toString(),
            Integer.toString(port),
            hostKey.toString(),
            dir.resolve("dropbear.pid").toString()),
        port,
        line -> line.contains("Not backgrounding"));
  }

  static void assumeRoot(String why) {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")), "skipped when not root: " + why);
  }

  static void newHostKey(Path file) throws IOException, InterruptedException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(Path.of(file + ".pub"));
    run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", file.toString()));
  }

  int port() {
    return port;
  }

  String log() {
    return log.toString();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(command + " failed: " + out);
    }
  }
}
