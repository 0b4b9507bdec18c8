package dev.ignite.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * OpenSSH's {@code sshd} on 127.0.0.1 serving Git repositories to the current user (root in CI),
 * with its own host key, one authorized client key and a known_hosts file that trusts it; every
 * file it reads is in the folder given to {@link #start}. A real server for the Git adapter and the
 * GitOps daemon's end-to-end tests:
 *
 * <pre>
 * try (LoopbackSshd sshd = LoopbackSshd.start(tmp.resolve("sshd"))) {
 *   Path bare = GitUser.bareRepository(tmp.resolve("vms.git"));
 *   String url = sshd.url(bare);                 // ssh://root@127.0.0.1:PORT/…/vms.git
 *   GitUser user = GitUser.overSsh(sshd, tmp.resolve("user"));
 *   // sshd.identity() and sshd.knownHosts() are what the daemon is given
 * }
 * </pre>
 */
public final class LoopbackSshd implements AutoCloseable {
  private final Path dir;
  private final int port;
  private final Path hostKey;
  private final Path clientKey;
  private final Path knownHosts;
  private final StringBuffer log = new StringBuffer();
  private Process process;

  private LoopbackSshd(Path dir, int port) {
    this.dir = dir;
    this.port = port;
    this.hostKey = dir.resolve("ssh_host_ed25519_key");
    this.clientKey = dir.resolve("id_ed25519");
    this.knownHosts = dir.resolve("known_hosts");
  }

  /** Starts sshd on a free loopback port with new keys in {@code dir}. */
  public static LoopbackSshd start(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    // sshd wants its privilege separation folder even when it does not separate
    Files.createDirectories(Path.of("/run/sshd"));
    LoopbackSshd sshd = new LoopbackSshd(dir, LoopbackPorts.free());
    newKey(sshd.hostKey);
    newKey(sshd.clientKey);
    Files.writeString(
        dir.resolve("authorized_keys"), Files.readString(pub(sshd.clientKey)).strip() + "\n");
    sshd.writeKnownHosts(sshd.hostKey);
    sshd.writeConfig();
    sshd.launch();
    return sshd;
  }

  /** The ssh:// URL of a repository (an absolute path) on this server. */
  public String url(Path repository) {
    return "ssh://" + user() + "@127.0.0.1:" + port + repository.toAbsolutePath();
  }

  /** The client's private key, authorized on this server. */
  public Path identity() {
    return clientKey;
  }

  /** A known_hosts file holding this server's current host key for {@code [127.0.0.1]:PORT}. */
  public Path knownHosts() {
    return knownHosts;
  }

  /** How known_hosts names this server. */
  public String hostPattern() {
    return "[127.0.0.1]:" + port;
  }

  public int port() {
    return port;
  }

  /** The login user: the one running the test, as sshd cannot switch users unless root. */
  public String user() {
    return System.getProperty("user.name");
  }

  /** The host key's SHA-256 fingerprint as ssh prints it: {@code SHA256:…}. */
  public String hostKeyFingerprint() throws IOException, InterruptedException {
    return fingerprint(pub(hostKey));
  }

  /**
   * Restarts sshd on the same port with a new host key; {@link #knownHosts()} keeps the old one, so
   * clients that trusted the server now see a changed key.
   */
  public void changeHostKey() throws IOException, InterruptedException {
    stop();
    newKey(hostKey);
    launch();
  }

  /** Writes a known_hosts file at {@code file} naming this server with the key in {@code pub}. */
  public Path knownHostsWith(Path file, Path publicKey) throws IOException {
    Files.writeString(file, hostPattern() + " " + Files.readString(publicKey).strip() + "\n");
    return file;
  }

  /** A new ed25519 key pair without passphrase at {@code file} and {@code file.pub}. */
  public static Path newKey(Path file) throws IOException, InterruptedException {
    Files.deleteIfExists(file);
    Files.deleteIfExists(pub(file));
    run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test", "-f", file.toString());
    return file;
  }

  public static Path pub(Path privateKey) {
    return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
  }

  public static String fingerprint(Path publicKey) throws IOException, InterruptedException {
    // "256 SHA256:… comment (ED25519)"
    return run("ssh-keygen", "-l", "-E", "sha256", "-f", publicKey.toString()).split(" ")[1];
  }

  public String log() {
    return log.toString();
  }

  private void writeKnownHosts(Path key) throws IOException {
    knownHostsWith(knownHosts, pub(key));
  }

  private void writeConfig() throws IOException {
    Files.writeString(
        dir.resolve("sshd_config"),
        String.join(
            "\n",
            "Port " + port,
            "ListenAddress 127.0.0.1",
            "HostKey " + hostKey,
            "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
            "PidFile none",
            "StrictModes no",
            "UsePAM no",
            "PermitRootLogin prohibit-password",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "LogLevel VERBOSE",
            ""));
  }

  private void launch() throws IOException, InterruptedException {
    List<String> command =
        List.of("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString());
    process = new ProcessBuilder(command).redirectErrorStream(true).start();
    CountDownLatch up = new CountDownLatch(1);
    Process p = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                  log.append(line).append('\n');
                  if (line.contains("Server listening on 127.0.0.1 port " + port)) {
                    up.countDown();
                  }
                }
              } catch (IOException stopped) {
                // sshd was stopped
              }
            },
            "sshd-log-" + port);
    reader.setDaemon(true);
    reader.start();
    if (!up.await(20, TimeUnit.SECONDS)) {
      stop();
      throw new IllegalStateException("sshd did not start: " + command + "\n" + log);
    }
  }

  private void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    process = null;
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }
}
