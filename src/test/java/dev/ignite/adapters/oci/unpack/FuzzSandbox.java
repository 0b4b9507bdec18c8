package dev.ignite.adapters.oci.unpack;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;

/**
 * A folder that holds an unpack root and host files beside it, looked at without following links.
 */
final class FuzzSandbox {
  private FuzzSandbox() {}

  /**
   * Every path under {@code sandbox} but inside {@code root}: its kind, mode, times and content.
   */
  static Map<String, String> snapshot(Path sandbox, Path root) throws IOException {
    Map<String, String> seen = new TreeMap<>();
    Files.walkFileTree(
        sandbox,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a)
              throws IOException {
            if (dir.equals(root)) {
              return FileVisitResult.SKIP_SUBTREE;
            }
            // the sandbox's own times change as the root comes and goes: its names tell
            seen.put(
                sandbox.relativize(dir) + "/",
                dir.equals(sandbox) ? names(dir).toString() : describe(dir, a));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
            seen.put(sandbox.relativize(file).toString(), describe(file, a));
            return FileVisitResult.CONTINUE;
          }
        });
    return seen;
  }

  private static java.util.List<String> names(Path dir) throws IOException {
    try (var children = Files.list(dir)) {
      return children.map(c -> c.getFileName().toString()).sorted().toList();
    }
  }

  private static String describe(Path path, BasicFileAttributes a) throws IOException {
    Map<String, Object> unix = Files.readAttributes(path, "unix:mode,uid,gid,nlink", NOFOLLOW);
    String content =
        a.isRegularFile()
            ? Files.readString(path)
            : a.isSymbolicLink() ? "-> " + Files.readSymbolicLink(path) : "";
    return unix + " " + a.lastModifiedTime() + " " + content;
  }

  /** Deletes {@code path} and all under it; links are deleted, never followed. */
  static void delete(Path path) throws IOException {
    if (!Files.exists(path, NOFOLLOW)) {
      return;
    }
    Files.walkFileTree(
        path,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;
}
