package dev.ignite.adapters.oci;

import dev.ignite.ports.ImageException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * sha256 digests: validated before any digest is used as a file name, since manifests are
 * untrusted.
 */
final class Digests {
  private static final Pattern SHA256 = Pattern.compile("sha256:[a-f0-9]{64}");

  private Digests() {}

  static String requireValid(String digest) {
    if (digest == null || !SHA256.matcher(digest).matches()) {
      throw new ImageException(
          "unsupported or malformed digest '" + digest + "' (want sha256:<64 hex>)");
    }
    return digest;
  }

  static String hex(String digest) {
    return requireValid(digest).substring("sha256:".length());
  }

  /** OpenSSL's where it loads, else the JDK's (see {@link NativeSha256}). */
  static MessageDigest sha256() {
    if (NativeSha256.available()) {
      return new NativeSha256();
    }
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK always has SHA-256", e);
    }
  }

  static String of(byte[] bytes) {
    return "sha256:" + HexFormat.of().formatHex(sha256().digest(bytes));
  }

  static String of(MessageDigest finished) {
    return "sha256:" + HexFormat.of().formatHex(finished.digest());
  }
}
