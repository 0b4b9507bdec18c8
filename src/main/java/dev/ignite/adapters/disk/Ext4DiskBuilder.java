package dev.ignite.adapters.disk;

import dev.ignite.api.FileMapping;
import dev.ignite.api.Size;
import dev.ignite.ports.DiskBuilder;
import dev.ignite.ports.RootDisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds root disks with {@code mkfs.ext4 -d}: no mounts, no loop devices. The first VM of an image
 * (and size) gets a file system written by mkfs straight into a temporary file; later VMs get a
 * sparse copy of the image's base disk ({@link BaseDisks}, written in the background after that
 * first VM). Either way the VM's own files are then written in with one debugfs pass, and the file
 * is renamed into place. While mkfs or the copy runs, the VM's files and the debugfs script are
 * prepared.
 */
final class Ext4DiskBuilder implements DiskBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(Ext4DiskBuilder.class);
  private static final Pattern HOSTNAME = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");

  private final Mkfs mkfs;
  private final BaseDisks bases;

  Ext4DiskBuilder(Mkfs mkfs) {
    this.mkfs = mkfs;
    this.bases = new BaseDisks();
  }

  @Override
  public RootDisk.Built build(RootDisk request) throws IOException {
    validate(request);
    Path mkfsBinary = mkfs.locate();
    Path tree = request.imageTree();
    if (!Files.isDirectory(tree)) {
      throw new IOException("image tree " + tree + " is not a directory");
    }
    Path disk = request.disk().toAbsolutePath();
    HostSpace.check(disk, request.size());
    Files.createDirectories(disk.getParent());
    long started = System.nanoTime();
    Optional<Path> base = bases.existing(tree, request.size());
    Path temp = disk.resolveSibling("." + disk.getFileName() + ".tmp-" + Scratch.uniqueSuffix());
    RootDisk.Built built;
    try {
      built = write(request, mkfsBinary, base, temp);
      Files.move(temp, disk, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      // ENOSPC from our own writes (scratch files) says nothing of where; name the place
      throw HostSpace.isNoSpace(e) ? HostSpace.full(disk, e) : e;
    } finally {
      Files.deleteIfExists(temp);
    }
    if (base.isEmpty()) {
      bases.writeLater(mkfsBinary, tree, request.size());
    }
    LOG.info(
        "built root disk {} ({}, {}) in {} ms",
        disk,
        request.size(),
        base.isPresent() ? "from the base disk" : "first of its image",
        (System.nanoTime() - started) / 1_000_000);
    return built;
  }

  @Override
  public void rewriteFiles(RootDisk request) throws IOException {
    validate(request);
    Path disk = request.disk().toAbsolutePath();
    if (!Files.isRegularFile(disk, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("disk " + disk + " is not there to write the VM's files into");
    }
    DebugfsLine.checkHostPath(disk);
    DebugfsScript script = filesScript(request, Set.of());
    Set<String> there = UsedDisk.folders(debugfs(), disk, script.folders());
    if (!there.isEmpty()) {
      script = filesScript(request, there);
    }
    String input = DebugfsLine.of("open -w", disk.toString()) + script.text();
    Processes.Result result = UsedDisk.run(debugfs(), input);
    Mkfs.checkDebugfs(
        result, input, disk, request.imageTree(), request.size(), DebugfsScript::tolerated);
    LOG.info("wrote {} copyFiles entries again into {}", request.copyFiles().size(), disk);
  }

  private static DebugfsScript filesScript(RootDisk request, Set<String> onDisk)
      throws IOException {
    DebugfsScript script = DebugfsScript.onUsedDisk(request.imageTree(), onDisk);
    for (FileMapping f : request.copyFiles()) {
      script.copy(f);
    }
    return script;
  }

  private Path debugfs() throws IOException {
    return mkfs.locate("debugfs");
  }

  /** The image's file system (made or copied) plus the VM's files, into {@code temp}. */
  private RootDisk.Built write(RootDisk request, Path mkfsBinary, Optional<Path> base, Path temp)
      throws IOException {
    Path tree = request.imageTree();
    List<String> fill =
        base.isPresent()
            ? BaseDisks.copyCommand(base.get(), temp)
            : Mkfs.command(mkfsBinary, tree, temp, request.size());
    Files.deleteIfExists(temp); // mkfs is told the file reads as zeros
    Scratch.createPrivateFile(temp); // mkfs and cp keep the mode of a file that exists
    try (DiskWrite writing = DiskWrite.start(fill, mkfs.locate("debugfs"));
        Scratch scratch = Scratch.beside(temp)) {
      DebugfsScript script = new DebugfsScript(tree);
      if (base.isPresent()) {
        // every copy of the base would otherwise share its file system UUID
        script.freshUuid();
      }
      List<String> hostKeyPaths = new Personaliser(script, scratch, tree).apply(request);
      DiskWrite.Outcome outcome = writing.finish(temp, script.text());
      // The tree is only measured when mkfs runs out of room: walking it first costs as much
      // as the whole debugfs step on small images.
      if (base.isPresent()) {
        outcome.fill().orThrow("copying base disk " + base.get() + " to " + temp);
      } else {
        Mkfs.check(outcome.fill(), tree, temp, request.size());
      }
      Mkfs.checkDebugfs(
          outcome.debugfs().orElseThrow(), outcome.debugfsInput(), temp, tree, request.size());
      return new RootDisk.Built(hostKeyPaths);
    }
  }

  private static void validate(RootDisk request) {
    if (!HOSTNAME.matcher(request.hostname()).matches()) {
      throw new IllegalArgumentException(
          "hostname \"" + request.hostname() + "\" is not a valid DNS name");
    }
    List<FileMapping> files = request.copyFiles();
    for (int i = 0; i < files.size(); i++) {
      FileMapping f = files.get(i);
      String field = "spec.copyFiles[" + i + "]";
      GuestPath.validate(f.vmPath(), field + ".vmPath");
      HostFiles.check(f.hostPath(), field + ".hostPath", request.size());
    }
    for (RootDisk.GuestMount m : request.mounts()) {
      GuestPath.validate(m.mountPath(), "spec.storage.volumeMounts.mountPath");
      // fstab splits fields on blanks and decodes backslash escapes (\040): either would make the
      // line name another path than the directory created for it.
      if (!m.mountPath().matches("[^\\s\\\\]+")) {
        throw new IllegalArgumentException(
            "spec.storage.volumeMounts.mountPath: \""
                + m.mountPath()
                + "\" must not hold blanks or backslashes (it is written to /etc/fstab)");
      }
      if (!m.device().matches("/dev/[a-z0-9]+")) {
        throw new IllegalArgumentException("guest device \"" + m.device() + "\" is not /dev/NAME");
      }
    }
  }

  static void checkFits(long treeBytes, Size size) {
    long needed = treeBytes + TreeSize.ext4Overhead(size.bytes());
    if (needed > size.bytes()) {
      throw new DiskTooSmallException(size, needed);
    }
  }
}
