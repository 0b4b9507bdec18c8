package dev.ignite.adapters.git;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the daemon's Git repository lives and how to reach it: the remote's URL ({@code
 * git@host:path}, {@code ssh://user@host:port/path}, {@code https://…}, {@code file://…} or a local
 * path), the branch (empty: the remote's default branch), the local work dir that keeps the clone,
 * the SSH identity files and known_hosts file, an HTTPS login, the author of status commits, the
 * timeout of each network operation and how often a push refused because the branch moved is
 * retried.
 */
public record GitRemote(
    String url,
    Optional<String> branch,
    Path workDir,
    List<Path> identityFiles,
    Path knownHosts,
    Optional<HttpsLogin> https,
    Author author,
    Duration timeout,
    int pushRetries) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
  public static final int DEFAULT_PUSH_RETRIES = 5;

  public GitRemote {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(branch, "branch");
    Objects.requireNonNull(workDir, "workDir");
    identityFiles = List.copyOf(identityFiles);
    Objects.requireNonNull(knownHosts, "knownHosts");
    Objects.requireNonNull(https, "https");
    Objects.requireNonNull(author, "author");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the Git timeout must be positive, not " + timeout);
    }
    if (pushRetries < 0) {
      throw new IllegalArgumentException("push retries cannot be negative: " + pushRetries);
    }
  }

  /**
   * The defaults for {@code url} and {@code branch}: work dir {@code STATE/gitops/<hash of url and
   * branch>}, the user's {@code ~/.ssh/id_ed25519} then {@code id_rsa}, {@code ~/.ssh/known_hosts},
   * no HTTPS login, the author from git config (else {@code ignited@HOSTNAME}), a 60 s timeout and
   * 5 push retries.
   */
  public static GitRemote of(String url, Optional<String> branch, Path stateDir) {
    Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
    return new GitRemote(
        url,
        branch,
        workDirFor(stateDir, url, branch),
        List.of(ssh.resolve("id_ed25519"), ssh.resolve("id_rsa")),
        ssh.resolve("known_hosts"),
        Optional.empty(),
        Author.fromGitConfigOrHost(),
        DEFAULT_TIMEOUT,
        DEFAULT_PUSH_RETRIES);
  }

  /** {@code STATE/gitops/<first 16 hex digits of SHA-256(url NUL branch)>}. */
  public static Path workDirFor(Path stateDir, String url, Optional<String> branch) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] key = (url + "\0" + branch.orElse("")).getBytes(StandardCharsets.UTF_8);
      String hex = HexFormat.of().formatHex(sha.digest(key));
      return stateDir.resolve("gitops").resolve(hex.substring(0, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  public GitRemote withIdentityFiles(List<Path> files) {
    return new GitRemote(
        url, branch, workDir, files, knownHosts, https, author, timeout, pushRetries);
  }

  public GitRemote withKnownHosts(Path file) {
    return new GitRemote(
        url, branch, workDir, identityFiles, file, https, author, timeout, pushRetries);
  }

  public GitRemote withHttps(Optional<HttpsLogin> login) {
    return new GitRemote(
        url, branch, workDir, identityFiles, knownHosts, login, author, timeout, pushRetries);
  }

  public GitRemote withAuthor(Author who) {
    return new GitRemote(
        url, branch, workDir, identityFiles, knownHosts, https, who, timeout, pushRetries);
  }

  public GitRemote withTimeout(Duration limit) {
    return new GitRemote(
        url, branch, workDir, identityFiles, knownHosts, https, author, limit, pushRetries);
  }

  public GitRemote withPushRetries(int retries) {
    return new GitRemote(
        url, branch, workDir, identityFiles, knownHosts, https, author, timeout, retries);
  }

  public GitRemote withWorkDir(Path dir) {
    return new GitRemote(
        url, branch, dir, identityFiles, knownHosts, https, author, timeout, pushRetries);
  }

  /** Username and password (or token) for an {@code https://} remote. */
  public record HttpsLogin(String username, String password) {
    public static final String USERNAME_VARIABLE = "IGNITED_HTTPS_USERNAME";
    public static final String PASSWORD_VARIABLE = "IGNITED_HTTPS_PASSWORD";

    public HttpsLogin {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
    }

    /**
     * From {@code IGNITED_HTTPS_USERNAME} and {@code IGNITED_HTTPS_PASSWORD}; a token alone gets
     * the username {@code git}, which the common forges accept with a token.
     */
    public static Optional<HttpsLogin> fromEnvironment(Map<String, String> env) {
      String password = env.get(PASSWORD_VARIABLE);
      if (password == null || password.isEmpty()) {
        return Optional.empty();
      }
      String username = env.getOrDefault(USERNAME_VARIABLE, "");
      return Optional.of(new HttpsLogin(username.isEmpty() ? "git" : username, password));
    }

    /** Never the password: records print themselves into logs and exceptions. */
    @Override
    public String toString() {
      return "HttpsLogin[username=" + username + ", password=***]";
    }
  }

  /** Who status commits are made by (author and committer alike). */
  public record Author(String name, String email) {
    public Author {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(email, "email");
    }

    /**
     * {@code user.name} and {@code user.email} from the user's and the system's git config, each
     * else {@code ignited} and {@code ignited@HOSTNAME}.
     */
    public static Author fromGitConfigOrHost() {
      return GitIdentity.fromConfigOrHost();
    }
  }
}
