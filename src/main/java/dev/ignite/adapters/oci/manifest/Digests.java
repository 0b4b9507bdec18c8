package dev.ignite.adapters.oci.manifest;

import dev.ignite.ports.ImageException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * sha256 digests: validated before any digest is used as a file name, since manifests are
 * untrusted.
 */
public final class Digests {
  private static final String PREFIX = "sha256:";
  private static final Pattern VALID = Pattern.compile("sha256:[0-9a-f]{64}");

  private Digests() {}

  public static String requireValid(String digest) {
    if (!isValid(digest)) {
      throw new ImageException(
          "unsupported or malformed digest '" + digest + "' (want sha256:<64 hex>)");
    }
    return digest;
  }

  public static String hex(String digest) {
    return requireValid(digest).substring(PREFIX.length());
  }

  /** {@code sha256:} and 64 lower-case hex digits. */
  public static boolean isValid(String digest) {
    return digest != null && VALID.matcher(digest).matches();
  }

  /** OpenSSL's where it loads, else the JDK's (see {@link NativeSha256}). */
  public static MessageDigest sha256() {
    if (NativeSha256.available()) {
      return new NativeSha256();
    }
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  public static String of(byte[] bytes) {
    return "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
  }

  public static String of(MessageDigest finished) {
    return "sha256:" + HexFormat.of().formatHex(finished.digest());
  }
}
