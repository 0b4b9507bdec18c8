package dev.ignite.adapters.disk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A private copy of an image tree that a disk is built from. Files are hard links into the cached
 * image where the file system allows it (fast, no extra space), so every write here first removes
 * the path and creates a new file: writing through a link would change the cached image.
 */
final class StagingTree implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StagingTree.class);

  private final Path root;

  private StagingTree(Path root) {
    this.root = root;
  }

  static StagingTree copyOf(Path imageTree, Path parent) throws IOException {
    if (!Files.isDirectory(imageTree)) {
      throw new IOException("image tree " + imageTree + " is not a directory");
    }
    Path root = Files.createTempDirectory(parent, ".staging-");
    StagingTree tree = new StagingTree(root);
    try {
      if (!Processes.run(List.of("cp", "-al", imageTree + "/.", root.toString())).ok()) {
        LOG.debug("hard links from {} failed; copying", imageTree);
        tree.clear();
        Processes.run(List.of("cp", "-a", "--reflink=auto", imageTree + "/.", root.toString()))
            .orThrow("copying the image tree " + imageTree);
      }
      return tree;
    } catch (IOException | RuntimeException e) {
      tree.close();
      throw e;
    }
  }

  Path root() {
    return root;
  }

  /** Writes a new file at {@code vmPath} (replacing whatever is there) with the given mode. */
  void write(String vmPath, byte[] content, String mode) throws IOException {
    Path target = replaceable(vmPath);
    Files.write(target, content);
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(mode));
  }

  /** Creates {@code vmPath} and missing parents as directories with the given mode. */
  void directory(String vmPath, String mode) throws IOException {
    Path target = GuestPath.resolve(root, vmPath);
    if (Files.isSymbolicLink(target) || (Files.exists(target) && !Files.isDirectory(target))) {
      Files.delete(target);
    }
    Files.createDirectories(target);
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(mode));
  }

  /** Copies a host file or directory tree to {@code vmPath}, replacing what is there. */
  void copyIn(Path hostPath, String vmPath) throws IOException {
    Path target = replaceable(vmPath);
    if (Files.isDirectory(hostPath)) {
      Processes.run(List.of("cp", "-a", "--no-dereference", hostPath + "/.", target.toString()))
          .orThrow("copying " + hostPath + " into the disk");
    } else {
      Files.copy(hostPath, target, StandardCopyOption.COPY_ATTRIBUTES);
    }
  }

  byte[] readOrEmpty(String vmPath) throws IOException {
    Path target = GuestPath.resolve(root, vmPath);
    return Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
        ? Files.readAllBytes(target)
        : new byte[0];
  }

  private Path replaceable(String vmPath) throws IOException {
    Path target = GuestPath.resolve(root, vmPath);
    Files.createDirectories(target.getParent());
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      deleteTree(target);
    } else {
      Files.deleteIfExists(target);
    }
    return target;
  }

  private void clear() throws IOException {
    deleteTree(root);
    Files.createDirectories(root);
  }

  private static void deleteTree(Path dir) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(dir)) {
      paths = walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
    }
    for (Path p : paths) {
      Files.deleteIfExists(p);
    }
  }

  @Override
  public void close() throws IOException {
    if (Files.exists(root)) {
      deleteTree(root);
    }
  }
}
