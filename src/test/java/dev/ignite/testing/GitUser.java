package dev.ignite.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A person using the real {@code git} command: clones, commits and pushes with an empty home (no
 * config of the machine's), over SSH with a {@link LoopbackSshd}'s key and known_hosts when given.
 */
public final class GitUser {
  private final Path home;
  private final Optional<LoopbackSshd> sshd;

  private GitUser(Path home, Optional<LoopbackSshd> sshd) {
    this.home = home;
    this.sshd = sshd;
  }

  /** A user reaching repositories by path or file:// only. */
  public static GitUser local(Path home) throws IOException {
    return new GitUser(Files.createDirectories(home), Optional.empty());
  }

  /** A user who reaches {@code sshd} with its client key and trusts its host key. */
  public static GitUser overSsh(LoopbackSshd sshd, Path home) throws IOException {
    return new GitUser(Files.createDirectories(home), Optional.of(sshd));
  }

  /** {@code git init --bare} with {@code main} as HEAD. */
  public static Path bareRepository(Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    run(dir, Map.of(), "git", "init", "-q", "--bare", "--initial-branch=main", dir.toString());
    return dir;
  }

  /** Clones {@code url} into {@code into} (an empty remote gives an empty clone on main). */
  public Path cloneOf(String url, Path into) throws IOException, InterruptedException {
    git(home, "clone", "-q", url, into.toString());
    git(into, "checkout", "-q", "-B", "main");
    return into;
  }

  /** Writes {@code path} in {@code clone}, commits it; returns the commit id. */
  public String commitFile(Path clone, String path, String content, String message)
      throws IOException, InterruptedException {
    Path file = clone.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    git(clone, "add", "--", path);
    git(clone, "commit", "-q", "-m", message);
    return head(clone);
  }

  /** Commits a symbolic link {@code path} pointing at {@code target}. */
  public String commitSymlink(Path clone, String path, String target, String message)
      throws IOException, InterruptedException {
    Path link = clone.resolve(path);
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, Path.of(target));
    git(clone, "add", "--", path);
    git(clone, "commit", "-q", "-m", message);
    return head(clone);
  }

  /** {@code git push origin HEAD:main}, never forced. */
  public void push(Path clone) throws IOException, InterruptedException {
    git(clone, "push", "-q", "origin", "HEAD:main");
  }

  /** {@code git pull --ff-only}. */
  public void pull(Path clone) throws IOException, InterruptedException {
    git(clone, "pull", "-q", "--ff-only", "origin", "main");
  }

  public String head(Path clone) throws IOException, InterruptedException {
    return git(clone, "rev-parse", "HEAD").strip();
  }

  /** Runs {@code git ARGS} in {@code dir} as this user; returns its output. */
  public String git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(List.of(args));
    return run(dir, environment(), command.toArray(String[]::new));
  }

  private Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("HOME", home.toString());
    env.put("GIT_CONFIG_NOSYSTEM", "1");
    env.put("GIT_AUTHOR_NAME", "A User");
    env.put("GIT_AUTHOR_EMAIL", "user@example.test");
    env.put("GIT_COMMITTER_NAME", "A User");
    env.put("GIT_COMMITTER_EMAIL", "user@example.test");
    sshd.ifPresent(s -> env.put("GIT_SSH_COMMAND", sshCommand(s)));
    return env;
  }

  private static String sshCommand(LoopbackSshd sshd) {
    return String.join(
        " ",
        "ssh -F /dev/null -o BatchMode=yes -o IdentitiesOnly=yes",
        "-o StrictHostKeyChecking=yes -o GlobalKnownHostsFile=/dev/null",
        "-o UserKnownHostsFile=" + quote(sshd.knownHosts().toString()),
        "-i " + quote(sshd.identity().toString()));
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private static String run(Path dir, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().putAll(env);
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " in " + dir + " failed: " + out);
    }
    return out;
  }
}
