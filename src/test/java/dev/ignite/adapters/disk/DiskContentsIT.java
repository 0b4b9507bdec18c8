package dev.ignite.adapters.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.ignite.api.FileMapping;
import dev.ignite.api.Size;
import dev.ignite.ports.DiskBuilder;
import dev.ignite.ports.RootDisk;
import dev.ignite.testing.SampleImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two ways a VM disk is made (an image's first VM: mkfs into the disk; later VMs: a copy of the
 * base disk) hold the image exactly as a bare {@code mkfs.ext4 -d} of the tree does, plus the VM's
 * own files, and leave the tree as it was.
 */
@Tag("integration")
class DiskContentsIT {
  private static final Duration WRITES_END = Duration.ofMinutes(1);
  @TempDir Path tmp;
  private final DiskBuilder builder = Disks.ext4();

  @AfterEach
  void letBaseWritesEnd() throws IOException {
    BackgroundWriter.awaitWrites(WRITES_END); // before @TempDir deletes the trees they write beside
  }

  @Test
  void firstAndLaterVmDisksHoldEveryEntryAsBareMkfsWritesIt() throws Exception {
    Path tree = treeWithEveryKindOfEntry(tmp.resolve("image/rootfs"));
    String before = snapshot(tree);
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(notes.resolve("todo"), "ship it\n");
    sh("chmod 0750 '" + notes.resolve("todo") + "' && chown 1000:1000 '" + notes + "'/todo");

    Path first = tmp.resolve("a/disk.ext4");
    assertThat(bases(tree)).as("the first VM's disk is made by mkfs").isEmpty();
    builder.build(vm(tree, first, "a", notes));
    BackgroundWriter.awaitWrites(WRITES_END);
    assertThat(bases(tree)).hasSize(1);
    Path later = tmp.resolve("b/disk.ext4");
    builder.build(vm(tree, later, "b", notes));
    Path bare = tmp.resolve("bare.ext4");
    SampleImage.run(
        List.of("mkfs.ext4", "-q", "-F", "-d", tree.toString(), bare.toString(), "64M"));

    // the VM's own files replace /etc/hostname and add to /etc; the rest is the image's
    List<String> paths = entries(tree).stream().filter(p -> !p.startsWith("/etc")).toList();
    Map<String, String> expected = attributes(bare, paths);
    assertThat(expected.get("/srv/tool")).contains("Mode:  04755", "User:  1000");
    assertThat(attributes(first, paths)).isEqualTo(expected);
    assertThat(attributes(later, paths)).isEqualTo(expected);
    for (Path disk : List.of(first, later)) {
      assertThat(SampleImage.run(List.of("e2fsck", "-fn", disk.toString()))).contains("Pass 5");
      String key = attributes(disk, List.of("/root/.ssh/authorized_keys")).values().toString();
      assertThat(key).contains("Mode:  0600", "User:     0   Group:     0");
      String copied = attributes(disk, List.of("/opt/notes/todo")).values().toString();
      assertThat(copied).contains("Mode:  0750", "User:     0   Group:     0");
    }
    assertThat(cat(later, "/etc/hostname")).isEqualTo("b\n");
    assertThat(List.of(uuid(first), uuid(later), uuid(bare))).doesNotHaveDuplicates();
    assertThat(snapshot(tree)).as("the image tree, contents hashed").isEqualTo(before);
  }

  @Test
  void aTreeOnAnotherFileSystemThanItsDisksGetsBothKindsOfDisk() throws Exception {
    Path shm = Path.of("/dev/shm");
    assumeThat(Files.isWritable(shm)).as("/dev/shm (tmpfs) is writable").isTrue();
    Path image = Files.createTempDirectory(shm, "ignite-disk-it-");
    try {
      assumeThat(Files.getFileStore(image)).isNotEqualTo(Files.getFileStore(tmp));
      Path tree = treeWithEveryKindOfEntry(image.resolve("rootfs"));
      Path first = tmp.resolve("a/disk.ext4");
      Path later = tmp.resolve("b/disk.ext4");

      builder.build(vm(tree, first, "a", null));
      BackgroundWriter.awaitWrites(WRITES_END);
      assertThat(bases(tree)).hasSize(1);
      builder.build(vm(tree, later, "b", null));

      for (Path disk : List.of(first, later)) {
        assertThat(SampleImage.run(List.of("e2fsck", "-fn", disk.toString()))).contains("Pass 5");
        assertThat(cat(disk, "/srv/data.txt")).isEqualTo("data\n");
      }
      assertThat(uuid(first)).isNotEqualTo(uuid(later));
    } finally {
      BackgroundWriter.awaitWrites(WRITES_END);
      SampleImage.run(List.of("rm", "-rf", image.toString()));
    }
  }

  @Test
  void aVmFileThatCannotBePlacedStopsMkfsAndLeavesNothingBehind() throws Exception {
    Path tree = treeWithEveryKindOfEntry(tmp.resolve("image/rootfs"));
    Path motd = Files.writeString(tmp.resolve("motd"), "hi\n");
    Path vmDir = Files.createDirectories(tmp.resolve("vm"));
    RootDisk request =
        new RootDisk(
            tree,
            vmDir.resolve("disk.ext4"),
            Size.ofMiB(64),
            "vm",
            Optional.empty(),
            // data.txt is a file in the image: nothing can be put below it
            List.of(new FileMapping(motd.toString(), "/srv/data.txt/motd")),
            Optional.empty(),
            List.of());

    assertThatThrownBy(() -> builder.build(request))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("srv/data.txt in the image is not a directory");
    try (Stream<Path> left = Files.list(vmDir)) {
      assertThat(left).as("no temp disk, no scratch folder").isEmpty();
    }
    BackgroundWriter.awaitWrites(WRITES_END);
    assertThat(bases(tree)).as("no base for a failed build").isEmpty();
  }

  @Test
  void newCopyFilesReplaceTheOldOnesOnAUsedDiskAndWhatTheGuestWroteStays() throws Exception {
    Path tree = treeWithEveryKindOfEntry(tmp.resolve("image/rootfs"));
    Path notes = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(notes.resolve("todo"), "v1\n");
    Path disk = tmp.resolve("vm/disk.ext4");
    builder.build(vm(tree, disk, "vm", notes));
    Path guestData = Files.writeString(tmp.resolve("guest-data"), "the guest's own\n");
    sh("debugfs -w -R 'write " + guestData + " /root/guest-data' '" + disk + "'");

    Files.writeString(notes.resolve("todo"), "v2\n");
    Files.createDirectories(notes.resolve("more"));
    Files.writeString(notes.resolve("more/new"), "added\n");
    Path motd = Files.writeString(tmp.resolve("motd"), "welcome\n");
    RootDisk changed =
        new RootDisk(
            tree,
            disk,
            Size.ofMiB(64),
            "vm",
            Optional.empty(),
            List.of(
                new FileMapping(notes.toString(), "/opt/notes"),
                new FileMapping(motd.toString(), "/etc/motd")),
            Optional.empty(),
            List.of());
    builder.rewriteFiles(changed);
    builder.rewriteFiles(changed); // twice: every path is then already there

    assertThat(cat(disk, "/opt/notes/todo")).isEqualTo("v2\n");
    assertThat(cat(disk, "/opt/notes/more/new")).isEqualTo("added\n");
    assertThat(cat(disk, "/etc/motd")).isEqualTo("welcome\n");
    assertThat(cat(disk, "/root/guest-data")).isEqualTo("the guest's own\n");
    assertThat(cat(disk, "/etc/hostname")).isEqualTo("vm\n");
    assertThat(SampleImage.run(List.of("e2fsck", "-fn", disk.toString()))).contains("Pass 5");
  }

  /** Owners, modes with setuid, an xattr, old mtimes, a hard link, a FIFO, a device, symlinks. */
  private static Path treeWithEveryKindOfEntry(Path tree) throws Exception {
    Files.createDirectories(tree.resolve("srv/deep/er"));
    Files.writeString(tree.resolve("srv/data.txt"), "data\n");
    Files.writeString(tree.resolve("srv/tool"), "#!/bin/sh\n");
    Files.setAttribute(
        tree.resolve("srv/data.txt"), "user:note", "kept".getBytes(StandardCharsets.UTF_8));
    Files.write(tree.resolve("srv/deep/er/big.bin"), new byte[300_000]);
    sh(
        "cd '"
            + tree
            + "' && chown 1000:1000 srv/tool && chmod 4755 srv/tool && chmod 0600 srv/data.txt"
            + " && ln srv/data.txt srv/data-link.txt && mkfifo srv/pipe && mknod srv/null c 1 3"
            + " && ln -s ../srv/tool srv/deep/tool-link && chown -h 1000:1000 srv/deep/tool-link"
            + " && mkdir -p etc && echo ignite >etc/hostname && chmod 0711 srv/deep"
            + " && touch -h -d '2001-02-03 04:05:06' srv/deep/tool-link srv/data.txt srv/deep");
    return tree;
  }

  private static RootDisk vm(Path tree, Path disk, String hostname, Path copyDir) {
    List<FileMapping> files =
        copyDir == null ? List.of() : List.of(new FileMapping(copyDir.toString(), "/opt/notes"));
    return new RootDisk(
        tree,
        disk,
        Size.ofMiB(64),
        hostname,
        Optional.of("ssh-ed25519 AAAAC3Nza test@host"),
        files,
        Optional.empty(),
        List.of());
  }

  private static List<String> entries(Path tree) throws IOException {
    try (Stream<Path> walk = Files.walk(tree)) {
      return walk.skip(1).map(p -> "/" + tree.relativize(p)).sorted().toList();
    }
  }

  /** Per path, what mkfs copies from the tree: type, mode, owner, size, links, mtime, xattrs. */
  private static Map<String, String> attributes(Path disk, List<String> paths) throws Exception {
    StringBuilder script = new StringBuilder();
    for (String p : paths) {
      script.append("stat \"").append(p).append("\"\n");
    }
    Path file = Files.writeString(disk.resolveSibling(disk.getFileName() + ".stat"), script);
    String out = SampleImage.run(List.of("debugfs", "-f", file.toString(), disk.toString()));
    Files.delete(file);
    Map<String, String> byPath = new LinkedHashMap<>();
    String current = null;
    List<String> kept = new ArrayList<>();
    for (String line : (out + "debugfs: stat \"end\"\n").split("\n")) {
      if (line.startsWith("debugfs: stat \"")) {
        if (current != null) {
          byPath.put(current, String.join("\n", kept));
        }
        current = line.substring(15, line.length() - 1);
        kept.clear();
      } else if (line.startsWith("Inode:")) {
        kept.add(line.replaceFirst("^Inode: *\\d+ *", ""));
      } else if (line.matches("(User:|Links:| mtime:|  \\S+ \\(\\d+\\) = ).*")) {
        kept.add(line.replaceFirst("Blockcount: *\\d+", ""));
      }
    }
    return byPath;
  }

  private static String snapshot(Path tree) throws Exception {
    return sh(
        "cd '"
            + tree
            + "' && find . -printf '%p %M %U:%G %s %T@ %n\\n' | sort"
            + " && find . -type f -exec sha256sum {} + | sort");
  }

  private static List<Path> bases(Path tree) throws IOException {
    try (Stream<Path> beside = Files.list(tree.getParent())) {
      return beside
          .filter(p -> p.getFileName().toString().startsWith(tree.getFileName() + ".base-"))
          .toList();
    }
  }

  private static String cat(Path disk, String path) throws Exception {
    return SampleImage.run(List.of("debugfs", "-R", "cat " + path, disk.toString()))
        .replaceFirst("(?s)^debugfs [^\n]*\n", "");
  }

  private static String uuid(Path disk) throws Exception {
    return SampleImage.run(List.of("dumpe2fs", "-h", disk.toString()))
        .lines()
        .filter(l -> l.startsWith("Filesystem UUID:"))
        .findFirst()
        .orElseThrow();
  }

  private static String sh(String script) throws Exception {
    return SampleImage.run(List.of("sh", "-c", script));
  }
}
