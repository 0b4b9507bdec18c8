package dev.ignite.core;

import dev.ignite.api.Names;
import java.util.Locale;

/** Readable DNS-1123 names for images and kernels, derived from what they were imported from. */
final class ObjectNames {
  private static final int MAX = 63;

  private ObjectNames() {}

  /** {@code oci:/tmp/sample/oci:1} becomes {@code oci-tmp-sample-oci-1}; never empty. */
  static String fromReference(String reference) {
    String s = reference.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    s = s.replaceAll("^-+", "");
    if (s.length() > MAX) {
      s = s.substring(s.length() - MAX); // the tail (repository, tag) tells images apart
    }
    s = s.replaceAll("^[^a-z0-9]+", "").replaceAll("[^a-z0-9]+$", "");
    return Names.isValid(s) ? s : "unnamed";
  }
}
