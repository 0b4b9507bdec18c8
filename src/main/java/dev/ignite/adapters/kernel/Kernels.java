package dev.ignite.adapters.kernel;

import dev.ignite.ports.KernelStore;
import java.nio.file.Path;

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
}
