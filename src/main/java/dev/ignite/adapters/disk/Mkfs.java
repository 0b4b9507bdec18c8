package dev.ignite.adapters.disk;

import dev.ignite.api.Size;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The {@code mkfs.ext4} tool from e2fsprogs, found on a search path. */
final class Mkfs {
  private final List<Path> searchPath;

  Mkfs(List<Path> searchPath) {
    this.searchPath = List.copyOf(searchPath);
  }

  /** PATH plus the sbin folders a non-root PATH often lacks. */
  static Mkfs fromEnvironment() {
    List<Path> dirs = new ArrayList<>();
    String path = System.getenv().getOrDefault("PATH", "");
    for (String d : path.split(File.pathSeparator)) {
      if (!d.isEmpty()) {
        dirs.add(Path.of(d));
      }
    }
    dirs.add(Path.of("/usr/sbin"));
    dirs.add(Path.of("/sbin"));
    return new Mkfs(dirs);
  }

  Path locate() throws IOException {
    return locate("mkfs.ext4");
  }

  Path locate(String tool) throws IOException {
    for (Path dir : searchPath) {
      Path candidate = dir.resolve(tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new IOException(tool + " not found; install the Debian package e2fsprogs");
  }

  /**
   * The command writing a new file system of {@code size} holding {@code tree} to {@code disk},
   * which must not exist yet: a new file reads as zeros, so mkfs is told to skip wiping inode
   * tables and journal (and the guest's kernel then skips zeroing the inode tables too).
   */
  static List<String> command(Path binary, Path tree, Path disk, Size size) {
    return List.of(
        binary.toString(),
        "-q",
        "-F",
        "-d",
        tree.toString(),
        "-L",
        "root",
        // checksums seeded from a stored value, not the UUID: copies can get a new UUID
        // without rewriting every checksum (and the journal superblock stays valid)
        "-O",
        "metadata_csum_seed",
        "-E",
        "nodiscard,assume_storage_prezeroed=1",
        disk.toString(),
        (size.bytes() / 1024) + "k");
  }

  /**
   * Fails on a failed mkfs. A full guest file system becomes {@link DiskTooSmallException}; a full
   * host file system (ENOSPC writing the disk file) says so, since a larger diskSize would not
   * help.
   */
  static void check(Processes.Result result, Path tree, Path disk, Size size) throws IOException {
    if (!result.ok()) {
      String out = result.output().toLowerCase(Locale.ROOT);
      checkHostSpace(out, disk);
      if (out.contains("could not allocate")
          || out.contains("no free space")
          || out.contains("too small")) {
        throw new DiskTooSmallException(
            size, TreeSize.of(tree) + TreeSize.ext4Overhead(size.bytes()));
      }
      result.orThrow("mkfs.ext4 of " + disk);
    }
  }

  /**
   * Fails on any complaint of a debugfs run of {@code commands}: every line it prints but its
   * banner and the echo of a command given is one. Running out of room is {@link
   * DiskTooSmallException}.
   */
  static void checkDebugfs(
      Processes.Result result, String commands, Path disk, Path tree, Size size)
      throws IOException {
    checkDebugfs(result, commands, disk, tree, size, complaint -> false);
  }

  static void checkDebugfs(
      Processes.Result result,
      String commands,
      Path disk,
      Path tree,
      Size size,
      java.util.function.Predicate<String> tolerated)
      throws IOException {
    Set<String> echoes = new HashSet<>();
    for (String command : commands.split("\n")) {
      echoes.add("debugfs: " + command);
    }
    List<String> complaints = new ArrayList<>();
    for (String line : result.output().split("\n")) {
      if (!line.isBlank()
          && !line.startsWith("debugfs 1.")
          && !echoes.contains(line)
          && !line.startsWith("Allocated inode")
          && !tolerated.test(line.strip())) {
        complaints.add(line.strip());
      }
    }
    String joined = String.join("; ", complaints).toLowerCase(Locale.ROOT);
    checkHostSpace(joined, disk);
    if (joined.contains("could not allocate") || joined.contains("no free space")) {
      throw new DiskTooSmallException(
          size, TreeSize.of(tree) + TreeSize.ext4Overhead(size.bytes()));
    }
    if (!result.ok() || !complaints.isEmpty()) {
      throw new IOException(
          "writing the VM's files into " + disk + " failed: " + String.join("; ", complaints));
    }
  }

  /** ENOSPC ("No space left on device") is the host's: the guest's own errors are ext2 codes. */
  private static void checkHostSpace(String lowerCaseOutput, Path disk) throws IOException {
    if (lowerCaseOutput.contains("no space left on device")) {
      throw HostSpace.full(disk, null);
    }
  }
}
