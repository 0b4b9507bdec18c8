package dev.ignite.api;

/** Which kernel boots the VM ({@code oci}: an image ref, or "host") and its command line. */
public record KernelSpec(String oci, String cmdLine) {
  static KernelSpec merge(KernelSpec upper, KernelSpec lower) {
    if (upper == null) {
      return lower;
    }
    if (lower == null) {
      return upper;
    }
    return new KernelSpec(
        upper.oci != null ? upper.oci : lower.oci,
        upper.cmdLine != null ? upper.cmdLine : lower.cmdLine);
  }
}
