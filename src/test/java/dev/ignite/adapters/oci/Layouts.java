package dev.ignite.adapters.oci;

import dev.ignite.adapters.oci.manifest.Digests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes small OCI image layouts in tests, the config's {@code rootfs.diff_ids} chosen freely. */
public final class Layouts {
  private final Path dir;
  private final List<String> manifests = new ArrayList<>();

  public Layouts(Path dir) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir.resolve("blobs/sha256"));
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
  }

  /** The digest of a layer's uncompressed tar, as a config lists it. */
  public static String diffId(byte[] tar) {
    return Digests.of(tar);
  }

  /** A config whose rootfs lists {@code diffIds}. */
  public static byte[] config(List<String> diffIds) {
    String ids = diffIds.isEmpty() ? "" : "\"" + String.join("\",\"", diffIds) + "\"";
    return ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},"
            + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
            + ids
            + "]}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] gzip(byte[] tar) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(tar);
    }
    return out.toByteArray();
  }

  /** Adds an image tagged {@code tag}: {@code config} and gzip-compressed {@code layers}. */
  public Layouts image(String tag, byte[] config, List<byte[]> layers) throws IOException {
    StringBuilder json = new StringBuilder();
    json.append(
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",")
        .append("\"config\":")
        .append(descriptor("application/vnd.oci.image.config.v1+json", blob(config), config))
        .append(",\"layers\":[");
    for (int i = 0; i < layers.size(); i++) {
      byte[] gz = gzip(layers.get(i));
      json.append(i == 0 ? "" : ",")
          .append(descriptor("application/vnd.oci.image.layer.v1.tar+gzip", blob(gz), gz));
    }
    byte[] manifest = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    String m = blob(manifest);
    manifests.add(
        "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\""
            + m
            + "\",\"size\":"
            + manifest.length
            + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\""
            + tag
            + "\"}}");
    Files.writeString(
        dir.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":[" + String.join(",", manifests) + "]}");
    return this;
  }

  private String blob(byte[] bytes) throws IOException {
    String digest = Digests.of(bytes);
    Files.write(dir.resolve("blobs/sha256").resolve(Digests.hex(digest)), bytes);
    return digest;
  }

  private static String descriptor(String mediaType, String digest, byte[] bytes) {
    return "{\"mediaType\":\""
        + mediaType
        + "\",\"digest\":\""
        + digest
        + "\",\"size\":"
        + bytes.length
        + "}";
  }
}
