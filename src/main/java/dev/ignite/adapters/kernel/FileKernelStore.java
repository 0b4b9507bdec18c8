package dev.ignite.adapters.kernel;

import dev.ignite.ports.KernelStore;
import dev.ignite.ports.StoredKernel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kernels under {@code <kernelsDir>/<sha256>/}: {@code kernel}, optional {@code initrd}, optional
 * {@code modules/<version>/}, and {@code version}. Each is staged in a hidden folder and renamed
 * into place, so a failed import leaves nothing a reader could mistake for a kernel.
 */
final class FileKernelStore implements KernelStore {
  private static final Logger LOG = LoggerFactory.getLogger(FileKernelStore.class);
  private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

  private final Path kernelsDir;
  private final Path bootDir;

  FileKernelStore(Path kernelsDir, Path bootDir) {
    this.kernelsDir = kernelsDir;
    this.bootDir = bootDir;
  }

  @Override
  public StoredKernel importKernel(String reference) throws IOException {
    KernelSource source = KernelSource.resolve(reference, bootDir);
    checkSize(source.kernel(), reference);
    if (source.initrd().isPresent()) {
      checkSize(source.initrd().get(), reference);
    }
    String version = KernelVersion.of(source.kernel());
    String id = sha256(source.kernel());
    Path target = kernelsDir.resolve(id);
    if (Files.isDirectory(target)) {
      return read(target).orElseThrow();
    }
    Files.createDirectories(kernelsDir);
    Path staging = Files.createTempDirectory(kernelsDir, ".import-");
    try {
      fill(staging, source, version);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      LOG.info("imported kernel {} ({}) from {}", id.substring(0, 12), version, reference);
    } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
      LOG.debug("kernel {} was imported concurrently", id);
    } finally {
      Tree.deleteIfExists(staging);
    }
    return read(target).orElseThrow();
  }

  private static void fill(Path staging, KernelSource source, String version) throws IOException {
    Files.copy(source.kernel(), staging.resolve("kernel"));
    if (source.initrd().isPresent()) {
      Files.copy(source.initrd().get(), staging.resolve("initrd"));
    }
    if (source.modulesRoot().isPresent()) {
      Path modules = source.modulesRoot().get().resolve(version);
      if (Files.isDirectory(modules)) {
        Files.createDirectories(staging.resolve("modules"));
        Tree.copy(modules, staging.resolve("modules").resolve(version));
      } else {
        LOG.warn(
            "{} has no modules for kernel {}; importing without", modules.getParent(), version);
      }
    }
    Files.writeString(staging.resolve("version"), version + "\n", StandardCharsets.US_ASCII);
  }

  /**
   * The reference comes from a manifest: /proc/kcore is a regular ELF file of 128 TiB that would be
   * hashed and copied for ever. Debian's vmlinuz is ~8 MiB; a vmlinux with debug info well under
   * the cap.
   */
  private static void checkSize(Path file, String reference) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE_BYTES) {
      throw new IOException(
          "kernel \""
              + reference
              + "\": "
              + file
              + " is "
              + (size >> 20)
              + "MB, larger than the "
              + (MAX_FILE_BYTES >> 20)
              + "MB a kernel or initrd may be");
    }
  }

  static final long MAX_FILE_BYTES = 1L << 30;

  @Override
  public Optional<StoredKernel> find(String id) throws IOException {
    if (id == null || !ID.matcher(id).matches()) {
      return Optional.empty();
    }
    return read(kernelsDir.resolve(id));
  }

  @Override
  public List<StoredKernel> list() throws IOException {
    List<StoredKernel> kernels = new ArrayList<>();
    if (!Files.isDirectory(kernelsDir)) {
      return kernels;
    }
    try (Stream<Path> dirs = Files.list(kernelsDir)) {
      for (Path dir : (Iterable<Path>) dirs.sorted()::iterator) {
        if (ID.matcher(dir.getFileName().toString()).matches()) {
          read(dir).ifPresent(kernels::add);
        }
      }
    }
    return kernels;
  }

  @Override
  public boolean remove(String id) throws IOException {
    if (find(id).isEmpty()) {
      return false;
    }
    // Rename first so a concurrent reader sees the kernel whole or not at all.
    Path doomed = kernelsDir.resolve(".remove-" + id);
    Files.move(kernelsDir.resolve(id), doomed, StandardCopyOption.ATOMIC_MOVE);
    Tree.deleteIfExists(doomed);
    return true;
  }

  private static Optional<StoredKernel> read(Path dir) throws IOException {
    Path versionFile = dir.resolve("version");
    if (!Files.isRegularFile(versionFile)) {
      return Optional.empty();
    }
    String version = Files.readString(versionFile, StandardCharsets.US_ASCII).trim();
    if (!KernelVersion.isValid(version)) {
      // written by an older Ignite that took any version: never use it as a path
      LOG.warn("skipped kernel {}: {}", dir, KernelVersion.refusal(version));
      return Optional.empty();
    }
    Path kernel = dir.resolve("kernel");
    Path initrd = dir.resolve("initrd");
    Path modules = dir.resolve("modules").resolve(version);
    return Optional.of(
        new StoredKernel(
            dir.getFileName().toString(),
            version,
            kernel,
            Files.isRegularFile(initrd) ? Optional.of(initrd) : Optional.empty(),
            Files.isDirectory(modules) ? Optional.of(modules) : Optional.empty(),
            Files.size(kernel)));
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }
}
