package dev.ignite.adapters.git;

import dev.ignite.ports.GitException;
import dev.ignite.ports.GitException.Reason;
import java.util.Locale;

/**
 * A path inside the repository as a commit names it: relative, forward slashes, no empty, {@code .}
 * or {@code ..} segment, nothing under {@code .git}. Checked before anything is written, since the
 * paths come from manifests that someone else pushed.
 */
final class RepoPath {
  private RepoPath() {}

  static String check(String path) {
    if (path == null || path.isEmpty()) {
      throw refused(String.valueOf(path), "it is empty");
    }
    if (path.startsWith("/")) {
      throw refused(path, "it is absolute");
    }
    if (path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
      throw refused(path, "it holds a NUL or a backslash");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) {
        throw refused(path, "it has an empty or '.' segment");
      }
      if (segment.equals("..")) {
        throw refused(path, "it climbs out with '..'");
      }
      if (segment.toLowerCase(Locale.ROOT).equals(".git")) {
        throw refused(path, "it is inside .git");
      }
    }
    return path;
  }

  static GitException refused(String path, String why) {
    return new GitException(
        Reason.INVALID, "refusing to change '" + path + "' in the repository: " + why);
  }
}
