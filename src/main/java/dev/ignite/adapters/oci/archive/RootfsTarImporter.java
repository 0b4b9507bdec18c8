package dev.ignite.adapters.oci.archive;

import dev.ignite.adapters.oci.cache.ImportSession;
import dev.ignite.adapters.oci.manifest.Digests;
import dev.ignite.adapters.oci.manifest.ImageContent;
import dev.ignite.adapters.oci.unpack.Decompression;
import dev.ignite.ports.ImageException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.util.List;

/**
 * Imports {@code tar:FILE}, a root filesystem tarball (optionally compressed): the file becomes the
 * single layer and a minimal OCI config is written for it, so its id is a config digest like any
 * other image's.
 */
public final class RootfsTarImporter {
  private RootfsTarImporter() {}

  public static ImageContent importTar(Path file, ImportSession session) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new ImageException("rootfs tarball " + file + " does not exist or is not a file");
    }
    String layer;
    try (InputStream in = Files.newInputStream(file)) {
      layer = session.putComputing(in);
    }
    String diffId = uncompressedDigest(session.store().path(layer));
    String config =
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},"
            + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
            + diffId
            + "\"]}}";
    String configDigest =
        session.putComputing(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
    return new ImageContent(configDigest, List.of(layer), List.of());
  }

  private static String uncompressedDigest(Path blob) throws IOException {
    var sha = Digests.sha256();
    try (InputStream in = Decompression.open(Files.newInputStream(blob));
        OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
      in.transferTo(out);
    }
    return Digests.of(sha);
  }
}
