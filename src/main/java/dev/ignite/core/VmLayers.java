package dev.ignite.core;

import dev.ignite.api.Configuration;
import dev.ignite.api.Defaults;
import dev.ignite.api.VmSpec;

/**
 * Where a VM's values come from, in rising priority: built-in defaults, the host Configuration's
 * {@code vmDefaults}, the VM file given with {@code --config}, then command-line flags.
 */
public final class VmLayers {
  private VmLayers() {}

  /** Flags over the file; the result is what a create request carries. */
  public static VmSpec request(VmSpec flags, VmSpec file) {
    return flags.orElse(file);
  }

  /**
   * A request completed with the host's vmDefaults and the built-in defaults ({@link
   * Defaults#BUILT_IN}, or {@link Defaults#builtIn} with the kernel built on this host).
   */
  public static VmSpec complete(VmSpec request, Configuration config, VmSpec builtIn) {
    return request.orElse(config.vmDefaults()).orElse(builtIn);
  }
}
