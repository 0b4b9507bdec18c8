package dev.ignite.adapters.git;

import dev.ignite.adapters.git.GitRemote.Author;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.errors.ConfigInvalidException;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.util.SystemReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The default author of status commits: git config's user, else ignited at this host. */
final class GitIdentity {
  private static final Logger LOG = LoggerFactory.getLogger(GitIdentity.class);

  private GitIdentity() {}

  static Author fromConfigOrHost() {
    String name = null;
    String email = null;
    try {
      StoredConfig config = SystemReader.getInstance().getUserConfig();
      name = config.getString("user", null, "name");
      email = config.getString("user", null, "email");
    } catch (IOException | ConfigInvalidException e) {
      LOG.warn("cannot read the git config for the commit author, using ignited@host: {}", e);
    }
    return new Author(
        blank(name) ? "ignited" : name.trim(),
        blank(email) ? "ignited@" + hostName() : email.trim());
  }

  /** The kernel's host name: no DNS lookup, which can hang on a host without network. */
  static String hostName() {
    try {
      String name =
          Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII).trim();
      return name.isEmpty() ? "localhost" : name;
    } catch (IOException e) {
      return "localhost";
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
