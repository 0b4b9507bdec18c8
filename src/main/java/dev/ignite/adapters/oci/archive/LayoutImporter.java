package dev.ignite.adapters.oci.archive;

import dev.ignite.adapters.oci.cache.ImportSession;
import dev.ignite.adapters.oci.manifest.Descriptor;
import dev.ignite.adapters.oci.manifest.Digests;
import dev.ignite.adapters.oci.manifest.ImageContent;
import dev.ignite.adapters.oci.manifest.ManifestJson;
import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Imports {@code oci:DIR[:TAG]}, an OCI image layout directory. */
public final class LayoutImporter {
  public static final String REF_NAME = "org.opencontainers.image.ref.name";

  private LayoutImporter() {}

  public static ImageContent importLayout(Path dir, String tag, ImportSession session)
      throws IOException {
    String where = "OCI layout " + dir;
    Path indexFile = dir.resolve("index.json");
    if (!Files.isRegularFile(indexFile)) {
      throw new ImageException(where + " has no index.json; is it an OCI image layout?");
    }
    Descriptor top = choose(Files.readAllBytes(indexFile), tag, where);
    Path blobs = dir.resolve("blobs").resolve("sha256");
    return LocalManifests.resolve(
        top,
        digest -> {
          try {
            return Files.newInputStream(blobs.resolve(Digests.hex(digest)));
          } catch (NoSuchFileException e) {
            throw new ImageException(where + " is missing blob " + digest);
          }
        },
        session,
        where);
  }

  /** The manifest named {@code tag}, or the only one when no tag is given. */
  static Descriptor choose(byte[] indexJson, String tag, String where) {
    List<Descriptor> all = ManifestJson.index(indexJson, where + " index.json").manifests();
    if (tag == null || tag.isEmpty()) {
      if (all.size() == 1) {
        return all.get(0);
      }
      throw new ImageException(
          where + " holds " + all.size() + " images; name one with :TAG (" + tags(all) + ")");
    }
    return all.stream()
        .filter(m -> m.annotation(REF_NAME).filter(tag::equals).isPresent())
        .findFirst()
        .orElseThrow(
            () ->
                new ImageException(where + " has no tag '" + tag + "' (tags: " + tags(all) + ")"));
  }

  private static String tags(List<Descriptor> all) {
    return String.join(", ", all.stream().flatMap(m -> m.annotation(REF_NAME).stream()).toList());
  }
}
