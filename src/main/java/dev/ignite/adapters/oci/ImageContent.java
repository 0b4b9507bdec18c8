package dev.ignite.adapters.oci;

import java.util.List;

/** What an import resolved to: the config blob, the layer blobs lowest first, registry digests. */
record ImageContent(String configDigest, List<String> layers, List<String> repoDigests) {
  ImageContent {
    layers = List.copyOf(layers);
    repoDigests = List.copyOf(repoDigests);
  }
}
