package dev.ignite.api.codec;

/**
 * Reads YAML or JSON manifests (one or many documents) of group ignite.weave.works, versions
 * v1alpha2..v1alpha4, strictly: unknown fields, wrong types, bad sizes and names are errors that
 * carry file, line, column and field path. No I/O: the caller passes the text.
 */
public final class ManifestDecoder {
  private ManifestDecoder() {}

  /** {@code file} is only used to label errors. */
  public static Decoded decode(String file, String text) {
    throw new UnsupportedOperationException("TODO: implemented by the codec work");
  }
}
