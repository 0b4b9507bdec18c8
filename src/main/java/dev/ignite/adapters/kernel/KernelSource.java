package dev.ignite.adapters.kernel;

import dev.ignite.ports.KernelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Where a kernel reference points: the kernel binary and what comes with it. */
record KernelSource(Path kernel, Optional<Path> initrd, Optional<Path> modulesRoot) {

  /** Resolves "host", a kernel file path, or an unpacked Ignite kernel image directory. */
  static KernelSource resolve(String reference, Path bootDir) throws IOException {
    if (KernelStore.HOST.equals(reference)) {
      return host(bootDir);
    }
    Path path = Path.of(reference);
    if (Files.isDirectory(path)) {
      return imageTree(path);
    }
    if (Files.isRegularFile(path)) {
      return new KernelSource(path, initrdBeside(path), Optional.empty());
    }
    throw new IOException(
        "kernel \"" + reference + "\" not found: give \"host\", a vmlinuz file or a directory");
  }

  private static KernelSource host(Path bootDir) throws IOException {
    Path newest;
    try (Stream<Path> files = Files.list(bootDir)) {
      newest =
          files
              .filter(p -> p.getFileName().toString().startsWith("vmlinuz-"))
              .max(Comparator.comparing(p -> p.getFileName().toString(), new VersionOrder()))
              .orElseThrow(
                  () ->
                      new IOException(
                          "no kernel in "
                              + bootDir
                              + ": install the Debian package linux-image-amd64"));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IOException(
          bootDir + " does not exist: install the Debian package linux-image-amd64");
    }
    return new KernelSource(newest, initrdBeside(newest), Optional.empty());
  }

  /**
   * An Ignite kernel image: {@code boot/vmlinux} and, if present, {@code lib/modules}. The tree was
   * unpacked from an image anyone can push: a link in it (say {@code lib/modules -> /root}) would
   * point at the host's own files, so none is followed.
   */
  private static KernelSource imageTree(Path root) throws IOException {
    for (String name : List.of("boot/vmlinux", "boot/vmlinuz")) {
      Optional<Path> kernel = inTree(root, name);
      if (kernel.isPresent() && Files.isRegularFile(kernel.get(), LinkOption.NOFOLLOW_LINKS)) {
        Optional<Path> modules = inTree(root, "lib/modules");
        Optional<Path> initrd = inTree(root, "boot/initrd.img");
        return new KernelSource(
            kernel.get(),
            initrd.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)),
            modules.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)));
      }
    }
    throw new IOException(root + " holds no boot/vmlinux: not an Ignite kernel image");
  }

  /** {@code root/relative} if it exists; refused if it or a folder on the way is a link. */
  private static Optional<Path> inTree(Path root, String relative) throws IOException {
    Path p = root;
    for (String part : relative.split("/")) {
      p = p.resolve(part);
      if (Files.isSymbolicLink(p)) {
        throw new IOException(
            "kernel image "
                + root
                + ": "
                + relative
                + " is a symbolic link ("
                + root.relativize(p)
                + "); a kernel image's boot files and lib/modules must be real files and folders");
      }
      if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
        return Optional.empty();
      }
    }
    return Optional.of(p);
  }

  /** Debian names them vmlinuz-VERSION and initrd.img-VERSION side by side. */
  private static Optional<Path> initrdBeside(Path kernel) {
    String name = kernel.getFileName().toString();
    Path dir = kernel.toAbsolutePath().getParent();
    int dash = name.indexOf('-');
    List<String> candidates =
        dash > 0
            ? List.of("initrd.img" + name.substring(dash), "initrd" + name.substring(dash))
            : List.of("initrd.img", "initrd");
    return candidates.stream().map(dir::resolve).filter(Files::isRegularFile).findFirst();
  }
}
