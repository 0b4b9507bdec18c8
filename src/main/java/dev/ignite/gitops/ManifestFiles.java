package dev.ignite.gitops;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The manifest files of a checkout: regular files ending in .yaml, .yml or .json under the chosen
 * folders, in a stable order. Symbolic links are never followed (a link in a pushed repository
 * could point at any host file); one that looks like a manifest is reported instead.
 */
public final class ManifestFiles {
  private final List<String> paths;

  /**
   * @param paths folders relative to the checkout; empty means the whole checkout
   */
  public ManifestFiles(List<String> paths) {
    this.paths = List.copyOf(paths);
  }

  /** A manifest file, or a path that looks like one and cannot be read as such. */
  public record Found(Path path, String relative, Optional<String> problem) {}

  public List<Found> list(Path root) {
    List<Found> out = new ArrayList<>();
    for (String p : paths.isEmpty() ? List.of("") : paths) {
      Path start = root.resolve(p).normalize();
      if (!start.startsWith(root)) {
        out.add(new Found(start, p, Optional.of("path leaves the repository")));
        continue;
      }
      if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
        continue; // a folder that does not exist (yet) holds no VMs
      }
      walk(root, start, out);
    }
    out.sort(Comparator.comparing(Found::relative));
    return out;
  }

  private static void walk(Path root, Path start, List<Found> out) {
    try {
      Files.walkFileTree(
          start,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return dir.getFileName() != null && dir.getFileName().toString().equals(".git")
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (isManifest(file)) {
                String rel = root.relativize(file).toString().replace('\\', '/');
                out.add(
                    attrs.isSymbolicLink()
                        ? new Found(file, rel, Optional.of("a symbolic link; not followed"))
                        : attrs.isRegularFile()
                            ? new Found(file, rel, Optional.empty())
                            : new Found(file, rel, Optional.of("not a regular file")));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      out.add(new Found(start, root.relativize(start).toString(), Optional.of(e.getMessage())));
    }
  }

  static boolean isManifest(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }
}
