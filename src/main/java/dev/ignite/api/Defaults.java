package dev.ignite.api;

import java.util.List;

/** The built-in defaults, the lowest layer under Configuration vmDefaults, the file and flags. */
public final class Defaults {
  public static final int CPUS = 1;
  public static final Size MEMORY = Size.ofMiB(512);
  public static final Size DISK_SIZE = Size.ofGiB(4);

  /**
   * The kernel used when none is named and Ignite's own kernel has not been built on this host (see
   * {@link #builtIn(String)}): the host's distro kernel (with its initrd).
   */
  public static final String KERNEL = "host";

  /**
   * Boots both Ignite kernels and Debian's: serial console, root on the first virtio disk, eth0 as
   * the NIC name, and a panic that powers off instead of hanging.
   */
  public static final String CMDLINE =
      "console=ttyS0 reboot=k panic=-1 root=/dev/vda rw net.ifnames=0";

  public static final VmSpec BUILT_IN =
      new VmSpec(
          null,
          new KernelSpec(KERNEL, CMDLINE),
          null,
          CPUS,
          MEMORY,
          DISK_SIZE,
          List.of(),
          StorageSpec.EMPTY,
          List.of(),
          null);

  private Defaults() {}

  /**
   * The built-in defaults with {@code kernel} as the kernel VMs boot when none is named: the CLI
   * passes the kernel image built on this host ({@code scripts/build-kernel}) when there is one.
   */
  public static VmSpec builtIn(String kernel) {
    return BUILT_IN.withKernel(new KernelSpec(kernel, CMDLINE));
  }

  /** {@code spec} with every unset component taken from the built-in defaults. */
  public static VmSpec apply(VmSpec spec) {
    return spec.orElse(BUILT_IN);
  }
}
