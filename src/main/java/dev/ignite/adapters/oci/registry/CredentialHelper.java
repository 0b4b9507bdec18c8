package dev.ignite.adapters.oci.registry;

import dev.ignite.adapters.oci.manifest.Json;
import dev.ignite.ports.ImageException;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Docker credential helper ({@code docker-credential-NAME get}, the server on standard input,
 * {@code {"Username":…,"Secret":…}} on standard output), as named by {@code credsStore} or {@code
 * credHelpers} in config.json. Found on a search path (PATH), never by a path from the file; one
 * that is not installed is skipped with a warning, as credentials may not be needed at all.
 */
final class CredentialHelper {
  private static final Logger LOG = LoggerFactory.getLogger(CredentialHelper.class);
  private static final long TIMEOUT_SECONDS = 30;
  private static final int MAX_OUTPUT = 64 << 10;

  private final List<Path> searchPath;

  CredentialHelper(List<Path> searchPath) {
    this.searchPath = List.copyOf(searchPath);
  }

  private static final Pattern HELPER_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** A name, never a path. */
  static boolean isHelperName(String name) {
    return HELPER_NAME.matcher(name).matches();
  }

  static CredentialHelper fromEnvironment() {
    List<Path> dirs = new ArrayList<>();
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!d.isEmpty()) {
        dirs.add(Path.of(d));
      }
    }
    return new CredentialHelper(dirs);
  }

  /**
   * The credentials helper {@code name} keeps for {@code server}; empty when it has none. {@code
   * origin} says where the name came from, for messages.
   */
  Optional<DockerCredentials.Credentials> get(String name, String server, String origin) {
    if (!isHelperName(name)) {
      throw new ImageException(origin + ": \"" + name + "\" is not a credential helper name");
    }
    String program = "docker-credential-" + name;
    Optional<Path> binary =
        searchPath.stream().map(d -> d.resolve(program)).filter(Files::isExecutable).findFirst();
    if (binary.isEmpty()) {
      // A config.json copied from a desktop often names one; public images must still pull.
      LOG.warn(
          "{} names credential helper {}, which is not installed; going on without it",
          origin,
          program);
      return Optional.empty();
    }
    return run(binary.get(), server, origin);
  }

  private Optional<DockerCredentials.Credentials> run(Path binary, String server, String origin) {
    String what = binary.getFileName() + " (" + origin + ")";
    try {
      Process p = new ProcessBuilder(binary.toString(), "get").redirectErrorStream(true).start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(server.getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        // a helper that exits without reading (a locked keyring, say): its output says why
      }
      byte[] out = p.getInputStream().readNBytes(MAX_OUTPUT);
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new ImageException(what + " did not answer within " + TIMEOUT_SECONDS + " s");
      }
      String text = new String(out, StandardCharsets.UTF_8).strip();
      if (p.exitValue() != 0) {
        if (text.toLowerCase(java.util.Locale.ROOT).contains("credentials not found")) {
          return Optional.empty();
        }
        throw new ImageException(what + " failed for " + server + ": " + text);
      }
      return Optional.of(parse(out, what, server));
    } catch (IOException e) {
      throw new ImageException("cannot run " + what + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageException("interrupted while asking " + what, e);
    }
  }

  private static DockerCredentials.Credentials parse(byte[] out, String what, String server) {
    String[] user = {null};
    String[] secret = {null};
    Json.parse(
        out,
        what,
        p -> {
          Json.object(
              p,
              what,
              (name, v) -> {
                switch (name) {
                  case "Username" -> user[0] = Json.text(v, what + ": Username");
                  case "Secret" -> secret[0] = Json.text(v, what + ": Secret");
                  default -> {
                    return false;
                  }
                }
                return true;
              });
          return null;
        });
    if (user[0] == null || secret[0] == null) {
      throw new ImageException(what + " answered for " + server + " without Username and Secret");
    }
    if (user[0].equals("<token>")) {
      throw new ImageException(
          what
              + " holds an identity token for "
              + server
              + "; only user name and password (or access token) credentials are supported");
    }
    return new DockerCredentials.Credentials(user[0], secret[0]);
  }
}
