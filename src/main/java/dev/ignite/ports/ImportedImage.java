package dev.ignite.ports;

import java.util.List;

/**
 * An image in the cache.
 *
 * @param id the config digest ({@code sha256:...})
 * @param ref the normalised reference it was imported from
 * @param sizeBytes the size of its config and layer blobs as stored
 * @param repoDigests {@code repository@sha256:...} for registry images, empty otherwise
 * @param layers layer blob digests, lowest first
 * @param downloadedBytes bytes fetched by the import that returned this value (0 on a cache hit)
 */
public record ImportedImage(
    String id,
    String ref,
    long sizeBytes,
    List<String> repoDigests,
    List<String> layers,
    long downloadedBytes) {
  public ImportedImage {
    repoDigests = List.copyOf(repoDigests);
    layers = List.copyOf(layers);
  }

  public ImportedImage withDownloadedBytes(long bytes) {
    return new ImportedImage(id, ref, sizeBytes, repoDigests, layers, bytes);
  }
}
