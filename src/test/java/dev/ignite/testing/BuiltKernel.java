package dev.ignite.testing;

import dev.ignite.adapters.kernel.Kernels;

/**
 * Ignite's own guest kernel as {@code scripts/build-kernel} left it on this machine: the kernel the
 * VM integration tests boot by default ({@code scripts/test} builds it first).
 */
public final class BuiltKernel {
  private BuiltKernel() {}

  /** Its image reference, {@code oci:BUILD/KEY/oci:RELEASE}. */
  public static String imageRef() {
    return Kernels.builtImage(System.getenv())
        .orElseThrow(
            () ->
                new AssertionError(
                    "Ignite's kernel is not built on this machine: run scripts/build-kernel"
                        + " (scripts/test does)"));
  }

  /** Its release, what {@code uname -r} prints in the guest (e.g. 6.1.192-ignite). */
  public static String release() {
    String ref = imageRef();
    return ref.substring(ref.lastIndexOf(':') + 1);
  }
}
