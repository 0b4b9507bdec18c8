package dev.ignite.adapters.disk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Paths inside a guest's root tree. Manifests are untrusted and images may hold symlinks such as
 * {@code /etc -> /host/etc}: every path is checked, and links are followed as the guest would see
 * them (absolute targets start at the tree's root), so nothing written can land outside the tree.
 */
final class GuestPath {
  private static final int MAX_LINKS = 40;
  // PATH_MAX (4096, with its NUL) and NAME_MAX of Linux and ext4
  private static final int MAX_PATH_BYTES = 4095;
  private static final int MAX_NAME_BYTES = 255;

  private GuestPath() {}

  /**
   * Checks a {@code vmPath} from a manifest: absolute, normalised, no {@code ..}, not "/", within
   * Linux's length limits, and free of what debugfs cannot take in a quoted word.
   */
  static String validate(String vmPath, String field) {
    if (vmPath == null || !vmPath.startsWith("/")) {
      throw new IllegalArgumentException(field + ": \"" + vmPath + "\" must be an absolute path");
    }
    String shown = DebugfsLine.printable(abbreviated(vmPath));
    if (vmPath.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
      throw new IllegalArgumentException(
          field + ": \"" + shown + "\" is longer than " + MAX_PATH_BYTES + " bytes");
    }
    for (String part : vmPath.substring(1).split("/", -1)) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw new IllegalArgumentException(
            field + ": \"" + shown + "\" must be normalised (no empty, '.' or '..' parts)");
      }
      if (part.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
        throw new IllegalArgumentException(
            field + ": \"" + shown + "\" has a name longer than " + MAX_NAME_BYTES + " bytes");
      }
    }
    try {
      DebugfsLine.checkWord(vmPath);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          field + ": \"" + shown + "\" must not hold a double quote or control character");
    }
    return vmPath;
  }

  private static String abbreviated(String path) {
    return path.length() <= 100 ? path : path.substring(0, 100) + "...";
  }

  /**
   * The host path of {@code vmPath} inside {@code root}. Every component but the last is followed
   * if it is a link; the last is returned as is, so callers replace links rather than write through
   * them.
   */
  static Path resolve(Path root, String vmPath) throws IOException {
    String[] parts = validate(vmPath, "path").substring(1).split("/");
    Path current = root;
    int links = 0;
    java.util.Deque<String> pending = new java.util.ArrayDeque<>(java.util.List.of(parts));
    while (pending.size() > 1) {
      String part = pending.pop();
      Path next = current.resolve(part);
      if (Files.isSymbolicLink(next)) {
        if (++links > MAX_LINKS) {
          throw new IOException(vmPath + ": too many symbolic links in the image");
        }
        String target = Files.readSymbolicLink(next).toString();
        if (target.startsWith("/")) {
          current = root;
        }
        String[] targetParts = target.split("/");
        for (int i = targetParts.length - 1; i >= 0; i--) {
          pending.push(targetParts[i]);
        }
        continue;
      }
      current = step(root, current, part);
    }
    return current.resolve(pending.pop());
  }

  private static Path step(Path root, Path current, String part) throws IOException {
    if (part.isEmpty() || part.equals(".")) {
      return current;
    }
    if (part.equals("..")) {
      return current.equals(root) ? root : current.getParent();
    }
    Path next = current.resolve(part);
    if (Files.exists(next, LinkOption.NOFOLLOW_LINKS)
        && !Files.isDirectory(next, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(root.relativize(next) + " in the image is not a directory");
    }
    return next;
  }
}
