package dev.ignite.api;

/**
 * An imported kernel: {@code oci} is the reference ("host" or a path for a distro kernel), {@code
 * version} is read from the kernel binary itself.
 */
public record Kernel(ObjectMeta metadata, String oci, String version, OciSource source)
    implements ApiObject {
  @Override
  public Kind kind() {
    return Kind.KERNEL;
  }
}
