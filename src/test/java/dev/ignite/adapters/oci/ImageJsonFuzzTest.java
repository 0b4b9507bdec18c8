package dev.ignite.adapters.oci;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import dev.ignite.adapters.oci.archive.ArchiveImporter;
import dev.ignite.adapters.oci.manifest.Descriptor;
import dev.ignite.adapters.oci.manifest.DiffIds;
import dev.ignite.adapters.oci.manifest.Digests;
import dev.ignite.adapters.oci.manifest.ImageIndex;
import dev.ignite.adapters.oci.manifest.ImageManifest;
import dev.ignite.adapters.oci.manifest.ManifestDocument;
import dev.ignite.adapters.oci.manifest.ManifestJson;
import dev.ignite.adapters.oci.manifest.MediaTypes;
import dev.ignite.adapters.oci.registry.RegistryAuth;
import dev.ignite.adapters.oci.registry.RegistryError;
import dev.ignite.ports.ImageException;
import dev.ignite.testing.FuzzTarget;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Any bytes as the JSON a registry or an image archive gives (manifest, index, image config, a
 * docker save manifest.json, a token answer): each reader returns a value that holds what it
 * promises (descriptors with a digest and a size, diff_ids that are digests, member names that are
 * there), or fails with an ImageException naming the document (a token answer without a token: a
 * RegistryError 401). No other exception, no StackOverflowError, no OutOfMemoryError.
 */
class ImageJsonFuzzTest {
  private static final String WHERE = "manifest sha256:fuzz";

  /** What a registry may send as Content-Type, chosen by the first byte. */
  private static final String[] CONTENT_TYPES = {
    null,
    "application/vnd.oci.image.manifest.v1+json",
    "application/vnd.oci.image.index.v1+json",
    "application/vnd.docker.distribution.manifest.list.v2+json",
    "application/vnd.docker.distribution.manifest.v2+json",
    "text/plain",
  };

  @FuzzTarget
  @DictionaryFile(resourcePath = "image-json.dict")
  void imageJsonReadsToAValueOrANamedError(byte[] input) {
    String contentType = input.length == 0 ? null : CONTENT_TYPES[(input[0] & 0xff) % 6];
    byte[] json = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
    ManifestDocument doc = read(() -> ManifestJson.parse(json, contentType, WHERE));
    if (doc instanceof ImageManifest m) {
      described(m.config());
      m.layers().forEach(ImageJsonFuzzTest::described);
    } else if (doc instanceof ImageIndex i) {
      i.manifests().forEach(ImageJsonFuzzTest::described);
      read(() -> described(MediaTypes.linuxAmd64(i, WHERE)));
    }
    List<String> diffIds = read(() -> DiffIds.parse(json, WHERE));
    if (diffIds != null && !diffIds.stream().allMatch(Digests::isValid)) {
      throw new AssertionError("diff_ids that are not digests: " + diffIds);
    }
    List<ArchiveImporter.DockerManifest> saved =
        read(() -> ArchiveImporter.dockerManifests(json, WHERE));
    if (saved != null
        && !saved.stream()
            .allMatch(m -> m.config() != null && m.layers().stream().allMatch(l -> l != null))) {
      throw new AssertionError("a docker save manifest without its member names: " + saved);
    }
    try {
      read(() -> RegistryAuth.tokenOf(json, WHERE));
    } catch (RegistryError e) {
      if (e.status() != 401 || !e.getMessage().startsWith(WHERE)) {
        throw new AssertionError("a token answer refused without its place", e);
      }
    }
  }

  /** The reader's value, or null when it refused the document with an error that names it. */
  private static <T> T read(Supplier<T> reader) {
    try {
      return reader.get();
    } catch (ImageException e) {
      if (!e.getMessage().startsWith(WHERE)) {
        throw new AssertionError("an error that does not name the document", e);
      }
      return null;
    }
  }

  private static Descriptor described(Descriptor d) {
    if (d.digest() == null || d.size() < 0 || d.platform() == null || d.annotations() == null) {
      throw new AssertionError("a descriptor without what it promises: " + d);
    }
    return d;
  }
}
