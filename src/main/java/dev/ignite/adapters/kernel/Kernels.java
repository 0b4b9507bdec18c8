package dev.ignite.adapters.kernel;

import dev.ignite.ports.KernelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Entry point of the kernel adapter. */
public final class Kernels {
  private Kernels() {}

  /** The store under {@code <stateDir>/kernels}, taking "host" kernels from {@code /boot}. */
  public static KernelStore store(Path stateDir) {
    return store(stateDir, Path.of("/boot"));
  }

  /** As {@link #store(Path)}, with "host" kernels taken from {@code bootDir}. */
  public static KernelStore store(Path stateDir, Path bootDir) {
    return new FileKernelStore(stateDir.resolve("kernels"), bootDir);
  }

  /**
   * The reference ({@code oci:DIR:TAG}) of the kernel image {@code scripts/build-kernel} built on
   * this machine, or empty when it has not been built: the kernel VMs boot when none is named. The
   * build folder is {@code $IGNITE_KERNEL_BUILD_DIR}, else {@code /var/lib/ignite-build/kernel} as
   * root and {@code ~/.cache/ignite-build/kernel} for other users, as the script has it.
   */
  public static Optional<String> builtImage(Map<String, String> env) {
    return BuiltKernelImage.find(
        BuiltKernelImage.buildDir(env, isRoot(), Path.of(System.getProperty("user.home"))));
  }

  private static boolean isRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }
}
