package dev.ignite.adapters.qemu;

import dev.ignite.ports.Vmm;
import java.nio.file.Path;

/** Entry point of the QEMU adapter. */
public final class Qemu {
  private Qemu() {}

  /**
   * A {@link Vmm} running {@code qemu-system-x86_64}; SSH forward ports are leased in {@code
   * <stateDir>/qemu-ports.lease}, shared by every Ignite process on the host.
   */
  public static Vmm vmm(Path stateDir) {
    return new QemuVmm(
        QemuBinary.fromEnvironment(),
        new PortAllocator(stateDir.resolve("qemu-ports.lease")),
        System.getenv());
  }
}
