package dev.ignite.api;

/** An imported root filesystem image. {@code spec.oci} is the reference it was imported from. */
public record Image(ObjectMeta metadata, String oci, OciSource source) implements ApiObject {
  @Override
  public Kind kind() {
    return Kind.IMAGE;
  }
}
