package dev.ignite.adapters.oci.manifest;

import java.util.Map;
import java.util.Optional;

/**
 * A reference to a blob or manifest as it appears in manifests and indexes: OCI and Docker v2 use
 * the same shape. {@code size} is -1 when a document omits it.
 */
public record Descriptor(
    String mediaType,
    String digest,
    long size,
    Optional<Platform> platform,
    Map<String, String> annotations) {
  record Platform(String os, String architecture) {}

  public Descriptor {
    annotations = Map.copyOf(annotations);
  }

  public Optional<String> annotation(String key) {
    return Optional.ofNullable(annotations.get(key));
  }
}
