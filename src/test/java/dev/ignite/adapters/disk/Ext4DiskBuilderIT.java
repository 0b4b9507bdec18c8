package dev.ignite.adapters.disk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.api.FileMapping;
import dev.ignite.api.Size;
import dev.ignite.ports.DiskBuilder;
import dev.ignite.ports.GuestHostKey;
import dev.ignite.ports.RootDisk;
import dev.ignite.testing.SampleImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class Ext4DiskBuilderIT {
  private static final Duration WRITES_END = Duration.ofMinutes(1);
  private static Path rootfs;
  @TempDir Path tmp;
  private final DiskBuilder builder = Disks.ext4();

  @AfterEach
  void letBaseWritesEnd() throws IOException {
    BackgroundWriter.awaitWrites(WRITES_END); // before @TempDir deletes the trees they write beside
  }

  @BeforeAll
  static void buildSample() throws Exception {
    rootfs = SampleImage.rootfs();
  }

  /** Reads a file out of an ext4 image with debugfs (e2fsprogs): no mount needed. */
  private static String cat(Path disk, String path) throws Exception {
    return SampleImage.run(List.of("debugfs", "-R", "cat " + path, disk.toString()))
        .replaceFirst("(?s)^debugfs [^\n]*\n", "");
  }

  private static String stat(Path disk, String path) throws Exception {
    return SampleImage.run(List.of("debugfs", "-R", "stat " + path, disk.toString()));
  }

  @Test
  void writesTheVmsFilesIntoASparseDiskOfTheRequestedSize() throws Exception {
    Path motd = Files.writeString(tmp.resolve("motd"), "welcome\n");
    Path modules = Files.createDirectories(tmp.resolve("modules/6.1.0-test/kernel"));
    Files.writeString(modules.resolve("x.ko"), "module");
    Path disk = tmp.resolve("vm/disk.ext4");

    builder.build(
        new RootDisk(
            rootfs,
            disk,
            Size.ofMiB(256),
            "web-1",
            Optional.of("ssh-ed25519 AAAAC3Nza test@host"),
            List.of(new FileMapping(motd.toString(), "/etc/motd")),
            Optional.of(modules.getParent()),
            List.of(new RootDisk.GuestMount("/dev/vdb", "/data"))));

    assertThat(Files.size(disk)).isEqualTo(256L << 20);
    assertThat(cat(disk, "/etc/hostname")).isEqualTo("web-1\n");
    assertThat(cat(disk, "/etc/hosts")).contains("web-1");
    assertThat(cat(disk, "/etc/motd")).isEqualTo("welcome\n");
    assertThat(cat(disk, "/root/.ssh/authorized_keys"))
        .isEqualTo("ssh-ed25519 AAAAC3Nza test@host\n");
    assertThat(stat(disk, "/root/.ssh/authorized_keys")).contains("Mode:  0600");
    assertThat(stat(disk, "/root/.ssh")).contains("Mode:  0700");
    assertThat(cat(disk, "/usr/lib/modules/6.1.0-test/kernel/x.ko")).isEqualTo("module");
    assertThat(cat(disk, "/etc/fstab")).endsWith("/dev/vdb /data auto defaults 0 2\n");
    // run() fails on a non-zero exit, so this is e2fsck finding nothing to fix
    assertThat(SampleImage.run(List.of("e2fsck", "-fn", disk.toString()))).contains("Pass 5");
    long allocatedBytes =
        Long.parseLong(SampleImage.run(List.of("du", "-B1", disk.toString())).split("\\s")[0]);
    assertThat(allocatedBytes).as("sparse").isLessThan(128L << 20);
  }

  @Test
  void disksCopiedFromTheCachedBaseEachGetTheirOwnFileSystemUuid() throws Exception {
    Path first = tmp.resolve("a/disk.ext4");
    Path second = tmp.resolve("b/disk.ext4");

    builder.build(vm(first, "a"));
    // the first VM's disk is made by mkfs; the base follows in background
    BackgroundWriter.awaitWrites(WRITES_END);
    try (Stream<Path> bases = Files.list(rootfs.getParent())) {
      assertThat(bases.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("rootfs.base-" + (128L << 20) + "-"));
    }
    builder.build(vm(second, "b"));

    assertThat(uuid(first)).isNotEqualTo(uuid(second));
    assertThat(cat(second, "/etc/hostname")).isEqualTo("b\n");
    for (Path disk : List.of(first, second)) {
      assertThat(SampleImage.run(List.of("e2fsck", "-fn", disk.toString()))).contains("Pass 5");
      long allocated =
          Long.parseLong(SampleImage.run(List.of("du", "-B1", disk.toString())).split("\\s")[0]);
      assertThat(allocated).as("sparse").isLessThan(32L << 20);
    }
  }

  @Test
  void placesTheHostKeyWhereEachSshServerOfTheImageReadsIt() throws Exception {
    GuestHostKey key =
        new GuestHostKey(
            Files.writeString(tmp.resolve("openssh_key"), "openssh private key\n"),
            Files.write(tmp.resolve("dropbear_key"), new byte[] {0, 0, 0, 11, 's', 0x7f}),
            "ssh-ed25519 AAAAC3Nzatest");
    Path both = Files.createDirectories(tmp.resolve("both/etc/ssh")).getParent().getParent();
    Files.createDirectories(both.resolve("etc/dropbear"));
    Path neither = Files.createDirectories(tmp.resolve("neither/etc")).getParent();

    RootDisk.Built inBoth = builder.build(withHostKey(both, tmp.resolve("a/disk.ext4"), key));
    RootDisk.Built inSample = builder.build(withHostKey(rootfs, tmp.resolve("b/disk.ext4"), key));
    RootDisk.Built inNeither = builder.build(withHostKey(neither, tmp.resolve("c/disk.ext4"), key));

    assertThat(inBoth.hostKeyPaths())
        .containsExactly(
            "/etc/ssh/ssh_host_ed25519_key", "/etc/dropbear/dropbear_ed25519_host_key");
    assertThat(inSample.hostKeyPaths()).containsExactly("/etc/dropbear/dropbear_ed25519_host_key");
    assertThat(inNeither.hostKeyPaths()).isEmpty();
    Path a = tmp.resolve("a/disk.ext4");
    assertThat(cat(a, "/etc/ssh/ssh_host_ed25519_key")).isEqualTo("openssh private key\n");
    assertThat(stat(a, "/etc/ssh/ssh_host_ed25519_key")).contains("Mode:  0600");
    assertThat(cat(a, "/etc/ssh/ssh_host_ed25519_key.pub")).isEqualTo(key.publicKey() + "\n");
    Path dumped = tmp.resolve("dumped");
    SampleImage.run(
        List.of(
            "debugfs",
            "-R",
            "dump /etc/dropbear/dropbear_ed25519_host_key " + dumped,
            tmp.resolve("b/disk.ext4").toString()));
    assertThat(Files.readAllBytes(dumped)).isEqualTo(Files.readAllBytes(key.dropbearPrivateKey()));
    assertThat(stat(tmp.resolve("b/disk.ext4"), "/etc/dropbear/dropbear_ed25519_host_key"))
        .contains("Mode:  0600");
  }

  private static RootDisk withHostKey(Path tree, Path disk, GuestHostKey key) {
    RootDisk r = vm(tree, disk, "keyed");
    return new RootDisk(
        r.imageTree(),
        r.disk(),
        r.size(),
        r.hostname(),
        r.authorizedKey(),
        r.copyFiles(),
        r.kernelModules(),
        r.mounts(),
        Optional.of(key));
  }

  @Test
  void disksAndTheBaseTheyAreCopiedFromAreReadableByTheirOwnerOnly() throws Exception {
    // a disk holds the guest's host keys and whatever secrets it keeps
    Path tree = Files.createDirectories(tmp.resolve("image/rootfs/etc"));
    Files.writeString(tree.resolve("os-release"), "ID=test\n");
    Path first = tmp.resolve("a/disk.ext4");
    Path second = tmp.resolve("b/disk.ext4");

    builder.build(vm(tree.getParent(), first, "a"));
    BackgroundWriter.awaitWrites(WRITES_END);
    builder.build(vm(tree.getParent(), second, "b"));

    List<Path> files = new ArrayList<>(List.of(first, second));
    try (Stream<Path> beside = Files.list(tmp.resolve("image"))) {
      beside.filter(p -> p.getFileName().toString().endsWith(".ext4")).forEach(files::add);
    }
    assertThat(files).hasSize(3);
    for (Path disk : files) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(disk)))
          .as(disk.toString())
          .isEqualTo("rw-------");
    }
  }

  @Test
  void twoVmsBuildingAtOnceShareOneBaseDisk() throws Exception {
    Path tree = tmp.resolve("image/rootfs");
    Files.createDirectories(tree.resolve("etc"));
    Files.writeString(tree.resolve("etc/os-release"), "ID=test\n");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Path>> built = new ArrayList<>();
      for (String name : List.of("x", "y")) {
        built.add(
            pool.submit(
                () -> {
                  Path disk = tmp.resolve(name + "/disk.ext4");
                  builder.build(vm(tree, disk, name));
                  return disk;
                }));
      }
      for (Future<Path> f : built) {
        Path disk = f.get();
        assertThat(cat(disk, "/etc/os-release")).isEqualTo("ID=test\n");
        assertThat(SampleImage.run(List.of("e2fsck", "-fn", disk.toString()))).contains("Pass 5");
      }
      assertThat(uuid(built.get(0).get())).isNotEqualTo(uuid(built.get(1).get()));
    } finally {
      pool.shutdownNow();
    }
    BackgroundWriter.awaitWrites(WRITES_END);
    try (Stream<Path> beside = Files.list(tree.getParent())) {
      assertThat(beside.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".lock")))
          .as("one base disk, no temp file left")
          .hasSize(2)
          .contains("rootfs")
          .anyMatch(n -> n.startsWith("rootfs.base-") && n.endsWith(".ext4"));
    }
  }

  @Test
  void aProcessAboutToExitCanWaitForTheBaseDiskOfItsFirstVm() throws Exception {
    // 64 MB of incompressible files: mkfs of the base takes a good part of a second, so a wait
    // that returned at once would find no base yet
    Path tree = Files.createDirectories(tmp.resolve("big/rootfs"));
    Random random = new Random(1);
    for (int i = 0; i < 16; i++) {
      byte[] data = new byte[4 << 20];
      random.nextBytes(data);
      Files.write(tree.resolve("blob" + i), data);
    }

    builder.build(vm(tree, tmp.resolve("vm/disk.ext4"), "first"));

    assertThat(Disks.finishBackgroundWrites(Duration.ofSeconds(60))).isTrue();
    try (Stream<Path> files = Files.list(tree.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.startsWith("rootfs.base-") && n.endsWith(".ext4"));
    }
  }

  private static RootDisk vm(Path disk, String hostname) {
    return vm(rootfs, disk, hostname);
  }

  private static RootDisk vm(Path tree, Path disk, String hostname) {
    return new RootDisk(
        tree,
        disk,
        Size.ofMiB(128),
        hostname,
        Optional.of("ssh-ed25519 AAAAC3Nza test@host"),
        List.of(),
        Optional.empty(),
        List.of());
  }

  private static String uuid(Path disk) throws Exception {
    return SampleImage.run(List.of("dumpe2fs", "-h", disk.toString()))
        .lines()
        .filter(l -> l.startsWith("Filesystem UUID:"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void neverChangesTheCachedImageTree() throws Exception {
    String before = snapshot(rootfs);

    builder.build(
        new RootDisk(
            rootfs,
            tmp.resolve("disk.ext4"),
            Size.ofMiB(64),
            "other",
            Optional.of("key"),
            List.of(),
            Optional.empty(),
            List.of(new RootDisk.GuestMount("/dev/vdb", "/mnt/x"))));

    assertThat(snapshot(rootfs)).isEqualTo(before);
    assertThat(Files.readString(rootfs.resolve("etc/hostname"))).isEqualTo("ignite\n");
  }

  @Test
  void aDiskTooSmallForTheImageIsAClearErrorAndLeavesNoFiles() throws IOException {
    Path vmDir = Files.createDirectories(tmp.resolve("vm"));

    assertThatThrownBy(
            () ->
                builder.build(
                    new RootDisk(
                        rootfs,
                        vmDir.resolve("disk.ext4"),
                        Size.ofMiB(4),
                        "vm",
                        Optional.empty(),
                        List.of(),
                        Optional.empty(),
                        List.of())))
        .hasMessageStartingWith("diskSize 4MB is smaller than the image (")
        .hasMessageEndingWith("raise spec.diskSize");
    try (Stream<Path> left = Files.list(vmDir)) {
      assertThat(left).isEmpty();
    }
  }

  private static String snapshot(Path tree) throws Exception {
    return SampleImage.run(
        List.of("sh", "-c", "cd '" + tree + "' && find . -printf '%p %m %s %T@ %n\\n' | sort"));
  }
}
