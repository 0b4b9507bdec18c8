package dev.ignite.adapters.disk;

import dev.ignite.api.FileMapping;
import dev.ignite.api.Size;
import dev.ignite.ports.DiskBuilder;
import dev.ignite.ports.RootDisk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds root disks with {@code mkfs.ext4 -d}: no mounts, no loop devices. The image tree is staged
 * next to the disk, personalised, written into a temporary file and renamed into place.
 */
final class Ext4DiskBuilder implements DiskBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(Ext4DiskBuilder.class);
  private static final Pattern HOSTNAME = Pattern.compile("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?");

  private final Mkfs mkfs;

  Ext4DiskBuilder(Mkfs mkfs) {
    this.mkfs = mkfs;
  }

  @Override
  public void build(RootDisk request) throws IOException {
    validate(request);
    Path mkfsBinary = mkfs.locate();
    Path disk = request.disk().toAbsolutePath();
    Path dir = disk.getParent();
    Files.createDirectories(dir);
    long started = System.nanoTime();
    try (StagingTree tree = StagingTree.copyOf(request.imageTree(), dir)) {
      new Personaliser(tree).apply(request);
      checkFits(TreeSize.of(tree.root()), request.size());
      Path temp = Files.createTempFile(dir, "." + disk.getFileName(), ".tmp");
      try {
        Files.delete(temp); // mkfs creates it sparse at the requested size
        mkfs.run(mkfsBinary, tree.root(), temp, request.size());
        Files.move(temp, disk, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
    }
    LOG.info(
        "built root disk {} ({}) in {} ms",
        disk,
        request.size(),
        (System.nanoTime() - started) / 1_000_000);
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
      if (f.hostPath() == null || !Files.exists(Path.of(f.hostPath()))) {
        throw new IllegalArgumentException(
            field + ".hostPath: \"" + f.hostPath() + "\" does not exist on this host");
      }
    }
    for (RootDisk.GuestMount m : request.mounts()) {
      GuestPath.validate(m.mountPath(), "spec.storage.volumeMounts.mountPath");
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

  /** Writes the VM's own files into the staged tree. */
  private record Personaliser(StagingTree tree) {
    void apply(RootDisk r) throws IOException {
      tree.write(
          "/etc/hostname", (r.hostname() + "\n").getBytes(StandardCharsets.US_ASCII), "rw-r--r--");
      String hosts = "127.0.0.1\tlocalhost\n127.0.1.1\t" + r.hostname() + "\n::1\tlocalhost\n";
      tree.write("/etc/hosts", hosts.getBytes(StandardCharsets.US_ASCII), "rw-r--r--");
      if (r.authorizedKey().isPresent()) {
        tree.directory("/root/.ssh", "rwx------");
        String key = r.authorizedKey().get().strip() + "\n";
        tree.write("/root/.ssh/authorized_keys", key.getBytes(StandardCharsets.UTF_8), "rw-------");
      }
      for (FileMapping f : r.copyFiles()) {
        tree.copyIn(Path.of(f.hostPath()), f.vmPath());
      }
      if (r.kernelModules().isPresent()) {
        Path modules = r.kernelModules().get();
        tree.copyIn(modules, "/lib/modules/" + modules.getFileName());
      }
      if (!r.mounts().isEmpty()) {
        appendFstab(r.mounts());
      }
    }

    private void appendFstab(List<RootDisk.GuestMount> mounts) throws IOException {
      StringBuilder fstab =
          new StringBuilder(new String(tree.readOrEmpty("/etc/fstab"), StandardCharsets.UTF_8));
      if (fstab.length() > 0 && fstab.charAt(fstab.length() - 1) != '\n') {
        fstab.append('\n');
      }
      for (RootDisk.GuestMount m : mounts) {
        tree.directory(m.mountPath(), "rwxr-xr-x");
        fstab.append(m.device()).append(' ').append(m.mountPath()).append(" auto defaults 0 2\n");
      }
      tree.write("/etc/fstab", fstab.toString().getBytes(StandardCharsets.UTF_8), "rw-r--r--");
    }
  }
}
