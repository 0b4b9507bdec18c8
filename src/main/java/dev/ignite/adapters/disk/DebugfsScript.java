package dev.ignite.adapters.disk;

import dev.ignite.api.FileMapping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Commands for {@code debugfs -w} that place a VM's own files into a freshly made ext4 image.
 * Writing into the image instead of a copied tree leaves the cached image tree untouched by
 * construction and costs one process instead of a tree copy. debugfs does not follow symlinks in
 * parent paths, so paths are resolved against the image tree (identical to the image's content) the
 * way the guest would resolve them.
 */
final class DebugfsScript {
  private final Path imageTree;
  private final StringBuilder commands = new StringBuilder();

  /** Paths this script makes (folders, files, links): they exist for later commands. */
  private final Set<String> created = new HashSet<>();

  /**
   * Whether the script runs on a disk a guest has used: what is on it besides the image is unknown,
   * so a file is removed before it is written, and a folder that is already there is no error.
   */
  private final boolean usedDisk;

  /** Folders known to be on a used disk besides the image's (a mkdir of one would corrupt it). */
  private final Set<String> onDisk;

  /** The folders this script makes. */
  private final Set<String> made = new HashSet<>();

  private long addedBytes;

  DebugfsScript(Path imageTree) {
    this(imageTree, false, Set.of());
  }

  private DebugfsScript(Path imageTree, boolean usedDisk, Set<String> onDisk) {
    this.imageTree = imageTree;
    this.usedDisk = usedDisk;
    this.onDisk = onDisk;
  }

  /**
   * A script for a disk a guest has used, where {@code onDisk} are folders found on it: files are
   * removed before they are written (see {@link #tolerated}), those folders are not made again.
   */
  static DebugfsScript onUsedDisk(Path imageTree, Set<String> onDisk) {
    return new DebugfsScript(imageTree, true, Set.copyOf(onDisk));
  }

  /** On a used disk, a file to replace may not be there: no error. */
  static boolean tolerated(String complaint) {
    return complaint.equals("rm: File not found by ext2_lookup while trying to resolve filename");
  }

  /** The folders this script makes. */
  Set<String> folders() {
    return Set.copyOf(made);
  }

  /** Puts {@code hostFile} at {@code vmPath} (replacing a file there), root-owned, {@code mode}. */
  void file(String vmPath, Path hostFile, int mode) throws IOException {
    String target = guestPath(vmPath);
    parents(target);
    if (existsInImage(target) || usedDisk) {
      if (isDirectoryInImage(target)) {
        throw new IOException(
            vmPath + " is a directory in the image; cannot replace it with a file");
      }
      add("rm", target);
    }
    DebugfsLine.checkHostPath(hostFile);
    add("write", hostFile.toString(), target);
    created.add(target); // a later file() at the same path replaces this one
    owned(target, 0100000 | mode);
    addedBytes += Files.size(hostFile) + 4096;
  }

  /** One {@code copyFiles} entry: a host file, or a host folder's tree. */
  void copy(FileMapping f) throws IOException {
    Path host = Path.of(f.hostPath());
    if (Files.isDirectory(host)) {
      tree(host, f.vmPath());
    } else {
      file(f.vmPath(), host, bits(Files.getPosixFilePermissions(host)));
    }
  }

  /** Makes {@code vmPath} a root-owned directory with {@code mode}, creating missing parents. */
  void directory(String vmPath, int mode) throws IOException {
    String target = guestPath(vmPath);
    parents(target);
    mkdir(target);
    owned(target, 040000 | mode);
  }

  /** Copies a host directory tree into {@code vmPath}, merging with what the image has there. */
  void tree(Path hostDir, String vmPath) throws IOException {
    String base = guestPath(vmPath);
    parents(base);
    mkdir(base);
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(hostDir)) {
      paths = walk.skip(1).sorted().collect(Collectors.toList());
    }
    for (Path source : paths) {
      try {
        treeEntry(source, base + "/" + hostDir.relativize(source));
      } catch (IOException e) {
        throw new IOException("cannot copy " + printable(source) + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * One file, folder or link of a copied tree. The tree may come from a hostile kernel image or a
   * folder someone else fills: its names and link targets are checked like every other word.
   */
  private void treeEntry(Path source, String target) throws IOException {
    DebugfsLine.checkHostPath(source);
    PosixFileAttributes a =
        Files.readAttributes(source, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    if (a.isSymbolicLink()) {
      Path linkTarget = Files.readSymbolicLink(source);
      DebugfsLine.checkHostPath(linkTarget);
      removeFromUsedDisk(target);
      add("symlink", target, linkTarget.toString());
      created.add(target);
    } else if (a.isDirectory()) {
      mkdir(target);
      owned(target, 040000 | bits(a.permissions()));
    } else if (a.isRegularFile()) {
      removeFromUsedDisk(target);
      add("write", source.toString(), target);
      created.add(target);
      owned(target, 0100000 | bits(a.permissions()));
      addedBytes += a.size() + 4096;
    }
  }

  private void removeFromUsedDisk(String target) throws IOException {
    if (usedDisk && !created.contains(target)) {
      add("rm", target);
    }
  }

  /** Gives the file system a new random UUID (the image is made with metadata_csum_seed). */
  void freshUuid() {
    commands.append("ssv uuid random\n");
  }

  String text() {
    return commands.toString();
  }

  long addedBytes() {
    return addedBytes;
  }

  private String guestPath(String vmPath) throws IOException {
    Path resolved = GuestPath.resolve(imageTree, vmPath);
    String guest = "/" + imageTree.relativize(resolved);
    DebugfsLine.checkWord(guest);
    return guest;
  }

  private void parents(String guestPath) throws IOException {
    int slash = 0;
    while ((slash = guestPath.indexOf('/', slash + 1)) > 0) {
      mkdir(guestPath.substring(0, slash));
    }
  }

  private void mkdir(String guestPath) throws IOException {
    if (!existsInImage(guestPath) && !onDisk.contains(guestPath) && created.add(guestPath)) {
      made.add(guestPath);
      add("mkdir", guestPath);
      owned(guestPath, 040755);
    }
  }

  private void owned(String target, int mode) throws IOException {
    add("sif", target, "mode", "0" + Integer.toOctalString(mode));
    add("sif", target, "uid", "0");
    add("sif", target, "gid", "0");
  }

  private boolean existsInImage(String guestPath) {
    return created.contains(guestPath)
        || Files.exists(imageTree.resolve(guestPath.substring(1)), LinkOption.NOFOLLOW_LINKS);
  }

  private boolean isDirectoryInImage(String guestPath) {
    return Files.isDirectory(imageTree.resolve(guestPath.substring(1)), LinkOption.NOFOLLOW_LINKS);
  }

  private void add(String command, String... args) throws IOException {
    commands.append(DebugfsLine.of(command, args));
  }

  private static String printable(Path p) {
    return DebugfsLine.printable(p.toString());
  }

  static int bits(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission p : permissions) {
      mode |= 1 << (8 - p.ordinal());
    }
    return mode;
  }
}
