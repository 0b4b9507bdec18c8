package dev.ignite.adapters.oci.manifest;

import java.util.List;

/** What an import resolved to: the config blob, the layer blobs lowest first, registry digests. */
public record ImageContent(String configDigest, List<String> layers, List<String> repoDigests) {
  public ImageContent {
    layers = List.copyOf(layers);
    repoDigests = List.copyOf(repoDigests);
  }
}
