package dev.ignite.adapters.oci.unpack;

import dev.ignite.ports.ImageException;
import java.util.Map;

/**
 * How much one image may unpack to, counted over all its layers: bytes of uncompressed tar and
 * entries. A layer is untrusted, and a few MB of gzip can inflate to fill any disk; past a limit
 * the unpack is an error. The defaults are far above real images (a full distribution is ~10 GB and
 * a few 100,000 files); {@code IGNITE_IMAGE_MAX_BYTES} and {@code IGNITE_IMAGE_MAX_ENTRIES} change
 * them.
 */
public record UnpackLimits(long maxBytes, long maxEntries) {
  public static final UnpackLimits DEFAULT = new UnpackLimits(64L << 30, 4_000_000);
  static final String BYTES_VARIABLE = "IGNITE_IMAGE_MAX_BYTES";
  static final String ENTRIES_VARIABLE = "IGNITE_IMAGE_MAX_ENTRIES";

  public UnpackLimits {
    if (maxBytes <= 0 || maxEntries <= 0) {
      throw new IllegalArgumentException("unpack limits must be positive");
    }
  }

  /** The defaults, each overridden by its environment variable when set. */
  public static UnpackLimits from(Map<String, String> env) {
    return new UnpackLimits(
        number(env, BYTES_VARIABLE, DEFAULT.maxBytes),
        number(env, ENTRIES_VARIABLE, DEFAULT.maxEntries));
  }

  private static long number(Map<String, String> env, String name, long fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(value.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // said below
    }
    throw new ImageException(
        "environment variable " + name + "='" + value + "' is not a positive whole number");
  }
}
