package dev.ignite.adapters.oci.manifest;

import com.fasterxml.jackson.core.JsonParser;
import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An image config's {@code rootfs.diff_ids}: the digest of each layer's uncompressed tar, lowest
 * first. Compressed blobs are checked by their own digests as they download; these tie what they
 * unpack to the config, which names the image.
 */
public final class DiffIds {
  private static final int MAX_CONFIG = 8 << 20;

  private DiffIds() {}

  /** The diff_ids of the config stored at {@code blob}, checked to be one per layer. */
  public static List<String> ofConfig(Path blob, String configDigest, int layers)
      throws IOException {
    byte[] json;
    try (InputStream in = Files.newInputStream(blob)) {
      json = in.readNBytes(MAX_CONFIG + 1);
    }
    String where = "image config " + configDigest;
    if (json.length > MAX_CONFIG) {
      throw new ImageException(where + " is larger than 8 MiB");
    }
    List<String> ids = parse(json, where);
    if (ids.size() != layers) {
      throw new ImageException(
          where
              + ": rootfs.diff_ids lists "
              + ids.size()
              + " layer(s) but the manifest "
              + layers
              + "; the image is damaged");
    }
    return ids;
  }

  public static List<String> parse(byte[] json, String where) {
    Found found = new Found();
    Json.parse(
        json,
        where,
        p -> {
          Json.object(p, where, (name, v) -> name.equals("rootfs") && rootfs(v, where, found));
          return found;
        });
    if (found.ids == null) {
      throw new ImageException(where + ": no rootfs.diff_ids; cannot check its layers");
    }
    return found.ids;
  }

  /** What the config says, null until read. */
  private static final class Found {
    List<String> ids;
  }

  private static boolean rootfs(JsonParser p, String where, Found found) throws IOException {
    String at = where + ": rootfs.diff_ids";
    Json.object(
        p,
        where + ": rootfs",
        (name, v) -> {
          if (!name.equals("diff_ids")) {
            return false;
          }
          found.ids = Json.array(v, at, (e, i) -> digest(Json.text(e, at), at + "[" + i + "]"));
          return true;
        });
    return true;
  }

  private static String digest(String value, String where) {
    if (!Digests.isValid(value)) {
      throw new ImageException(where + ": '" + value + "' is not a sha256 digest");
    }
    return value;
  }

  /** Refuses a layer whose uncompressed content is not what the config lists for it. */
  public static void check(int index, String layer, String actual, String expected) {
    if (!actual.equals(expected)) {
      throw new ImageException(
          "layer "
              + (index + 1)
              + " ("
              + layer
              + ") unpacks to content hashing to "
              + actual
              + ", but the image config's rootfs.diff_ids lists "
              + expected
              + "; the image is damaged or was tampered with");
    }
  }
}
