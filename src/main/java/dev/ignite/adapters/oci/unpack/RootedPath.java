package dev.ignite.adapters.oci.unpack;

import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves an archive member name inside a root directory as if the root were {@code /}: symlinks
 * met on the way are followed within the root, and a name that climbs out is refused, because layer
 * contents are untrusted.
 */
final class RootedPath {
  private static final int MAX_LINKS = 64;

  private RootedPath() {}

  /** Checks a tar member name: relative, no {@code ..}, returns it without a leading {@code ./}. */
  static String cleanName(String name) {
    requireNoNul(name, "layer entry '" + shown(name) + "'");
    String n = name;
    while (n.startsWith("./")) {
      n = n.substring(2);
    }
    if (n.startsWith("/")) {
      throw new ImageException(
          "layer entry '" + name + "' is an absolute path; refusing to unpack");
    }
    for (String part : n.split("/")) {
      if (part.equals("..")) {
        throw new ImageException(
            "layer entry '" + name + "' climbs out with '..'; refusing to unpack");
      }
    }
    while (n.endsWith("/")) {
      n = n.substring(0, n.length() - 1);
    }
    return n;
  }

  /**
   * Refuses a name or link target holding NUL, which no path can (a pax record or GNU long name may
   * carry one); {@code what} names it in the error.
   */
  static void requireNoNul(String value, String what) {
    if (value.indexOf('\0') >= 0) {
      throw new ImageException(what + " holds a NUL character; refusing to unpack");
    }
  }

  /** {@code value} fit for a message: a NUL in it shown as {@code \0}. */
  static String shown(String value) {
    return value.replace("\0", "\\0");
  }

  /** The real location of {@code name}'s parent under root, joined with its last component. */
  static Path resolveParent(Path root, String name) throws IOException {
    int slash = name.lastIndexOf('/');
    Path parent = slash < 0 ? root : resolve(root, name.substring(0, slash));
    return parent.resolve(name.substring(slash + 1));
  }

  /** Follows every component, symlinks included, staying inside root. */
  static Path resolve(Path root, String name) throws IOException {
    Deque<String> todo = new ArrayDeque<>();
    push(todo, name);
    Path current = root;
    int links = 0;
    while (!todo.isEmpty()) {
      String part = todo.pop();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        current = current.equals(root) ? root : current.getParent();
        continue;
      }
      Path next = current.resolve(part);
      if (Files.isSymbolicLink(next)) {
        if (++links > MAX_LINKS) {
          throw new ImageException("too many symlinks resolving '" + name + "' in the image");
        }
        String target = Files.readSymbolicLink(next).toString();
        push(todo, target);
        if (target.startsWith("/")) {
          current = root;
        }
        continue;
      }
      current = next;
    }
    if (!current.startsWith(root)) {
      throw new ImageException("layer entry '" + name + "' resolves outside the image root");
    }
    return current;
  }

  private static void push(Deque<String> todo, String path) {
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      todo.push(parts[i]);
    }
  }
}
