package dev.ignite.adapters.oci.archive;

import dev.ignite.adapters.oci.cache.ImportSession;
import dev.ignite.adapters.oci.manifest.Descriptor;
import dev.ignite.adapters.oci.manifest.Digests;
import dev.ignite.adapters.oci.manifest.ImageContent;
import dev.ignite.adapters.oci.manifest.ImageIndex;
import dev.ignite.adapters.oci.manifest.ImageManifest;
import dev.ignite.adapters.oci.manifest.ManifestDocument;
import dev.ignite.adapters.oci.manifest.ManifestJson;
import dev.ignite.adapters.oci.manifest.MediaTypes;
import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

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

  static ImageContent resolve(Descriptor top, BlobOpener blobs, ImportSession session, String where)
      throws IOException {
    Descriptor current = top;
    for (int depth = 0; depth < 4; depth++) {
      byte[] json = readVerified(current.digest(), blobs, where);
      String what = where + " manifest " + current.digest();
      ManifestDocument doc = ManifestJson.parse(json, current.mediaType(), what);
      if (doc instanceof ImageIndex index) {
        current = MediaTypes.linuxAmd64(index, what);
        continue;
      }
      return copy((ImageManifest) doc, blobs, session, where);
    }
    throw new ImageException(where + ": image indexes nest too deeply");
  }

  private static ImageContent copy(
      ImageManifest manifest, BlobOpener blobs, ImportSession session, String where)
      throws IOException {
    String config = Digests.requireValid(manifest.config().digest());
    copyBlob(config, manifest.config().size(), blobs, session, where);
    List<String> layers = new ArrayList<>();
    for (Descriptor layer : manifest.layers()) {
      String digest = Digests.requireValid(layer.digest());
      copyBlob(digest, layer.size(), blobs, session, where);
      layers.add(digest);
    }
    return new ImageContent(config, layers, List.of());
  }

  private static void copyBlob(
      String digest, long size, BlobOpener blobs, ImportSession session, String where)
      throws IOException {
    if (session.has(digest)) {
      return;
    }
    try (InputStream in = blobs.open(digest)) {
      session.put(digest, size, in, where);
    }
  }

  private static byte[] readVerified(String digest, BlobOpener blobs, String where)
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
    return bytes;
  }
}
