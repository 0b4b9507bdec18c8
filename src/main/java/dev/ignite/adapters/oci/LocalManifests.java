package dev.ignite.adapters.oci;

import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import land.oras.Index;
import land.oras.Layer;
import land.oras.Manifest;
import land.oras.ManifestDescriptor;

/**
 * Walks an image held in local blobs (an OCI layout, an archive): index to linux/amd64 manifest,
 * then copies the config and layers into the cache, each verified against its digest.
 */
final class LocalManifests {
  /** Opens a blob of the source by digest. */
  interface BlobOpener {
    InputStream open(String digest) throws IOException;
  }

  private static final int MAX_MANIFEST = 4 << 20;

  private LocalManifests() {}

  static ImageContent resolve(
      ManifestDescriptor top, BlobOpener blobs, ImportSession session, String where)
      throws IOException {
    ManifestDescriptor current = top;
    for (int depth = 0; depth < 4; depth++) {
      String json = readVerified(current.getDigest(), blobs, where);
      if (MediaTypes.isIndex(current.getMediaType()) || isIndexJson(json)) {
        current = MediaTypes.linuxAmd64(Index.fromJson(json), where);
        continue;
      }
      return copy(Manifest.fromJson(json), blobs, session, where);
    }
    throw new ImageException(where + ": image indexes nest too deeply");
  }

  static List<ManifestDescriptor> manifestsOf(String indexJson) {
    return Index.fromJson(indexJson).getManifests();
  }

  private static ImageContent copy(
      Manifest manifest, BlobOpener blobs, ImportSession session, String where) throws IOException {
    String config = Digests.requireValid(manifest.getConfig().getDigest());
    copyBlob(config, manifest.getConfig().getSize(), blobs, session, where);
    List<String> layers = new ArrayList<>();
    for (Layer layer : manifest.getLayers()) {
      String digest = Digests.requireValid(layer.getDigest());
      copyBlob(digest, layer.getSize(), blobs, session, where);
      layers.add(digest);
    }
    return new ImageContent(config, layers, List.of());
  }

  private static void copyBlob(
      String digest, Long size, BlobOpener blobs, ImportSession session, String where)
      throws IOException {
    if (session.has(digest)) {
      return;
    }
    try (InputStream in = blobs.open(digest)) {
      session.put(digest, size == null ? -1 : size, in, where);
    }
  }

  private static String readVerified(String digest, BlobOpener blobs, String where)
      throws IOException {
    byte[] bytes;
    try (InputStream in = blobs.open(Digests.requireValid(digest))) {
      bytes = in.readNBytes(MAX_MANIFEST + 1);
    }
    if (bytes.length > MAX_MANIFEST) {
      throw new ImageException(where + ": manifest " + digest + " is larger than 4 MiB");
    }
    if (!Digests.of(bytes).equals(digest)) {
      throw new ImageException(where + ": manifest " + digest + " does not match its digest");
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private static boolean isIndexJson(String json) {
    return json.contains("\"manifests\"") && !json.contains("\"layers\"");
  }
}
