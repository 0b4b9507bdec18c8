package dev.ignite.gitops.http;

import com.sun.net.httpserver.Headers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a webhook request against the shared secret, in the three ways forges send it: GitHub
 * signs the body ({@code X-Hub-Signature-256: sha256=HEX}, HMAC-SHA256 keyed by the secret), GitLab
 * sends the secret as {@code X-Gitlab-Token}, anything else may send {@code Authorization: Bearer
 * SECRET}. The first of these headers present decides. Comparisons take the same time whatever the
 * guess: tokens are compared as SHA-256 digests, so not even their length shows.
 */
final class WebhookAuth {
  static final String GITHUB_SIGNATURE = "X-Hub-Signature-256";
  static final String GITLAB_TOKEN = "X-Gitlab-Token";
  static final String AUTHORIZATION = "Authorization";

  /** Whether a request may trigger a sync, and how it proved it (or why not), for the log. */
  record Verdict(boolean accepted, String how) {}

  private final Optional<byte[]> secret;

  /** With no secret every request is accepted: allowed only on a loopback address. */
  WebhookAuth(Optional<String> secret) {
    this.secret = secret.map(s -> s.getBytes(StandardCharsets.UTF_8));
  }

  /** A fresh HMAC-SHA256 keyed by the secret, to feed the body to while it is read. */
  Optional<Mac> bodyMac() {
    return secret.map(WebhookAuth::hmac);
  }

  /** {@code bodyMac} is the finished HMAC of the whole body, when there is a secret. */
  Verdict verify(Headers headers, Optional<byte[]> bodyMac) {
    if (secret.isEmpty()) {
      return new Verdict(true, "no secret (loopback only)");
    }
    String signature = headers.getFirst(GITHUB_SIGNATURE);
    if (signature != null) {
      return signatureVerdict(signature, bodyMac.orElseThrow());
    }
    String token = headers.getFirst(GITLAB_TOKEN);
    if (token != null) {
      return tokenVerdict(token, GITLAB_TOKEN);
    }
    String authorization = headers.getFirst(AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return tokenVerdict(authorization.substring(7).strip(), "bearer token");
    }
    return new Verdict(
        false, "no " + GITHUB_SIGNATURE + ", " + GITLAB_TOKEN + " or Authorization: Bearer header");
  }

  private static Verdict signatureVerdict(String header, byte[] bodyMac) {
    if (!header.startsWith("sha256=") || !isHex(header.substring(7), 64)) {
      return new Verdict(false, GITHUB_SIGNATURE + " is not sha256= and 64 hex digits");
    }
    byte[] claimed = HexFormat.of().parseHex(header.substring(7));
    return MessageDigest.isEqual(claimed, bodyMac)
        ? new Verdict(true, "GitHub signature")
        : new Verdict(false, GITHUB_SIGNATURE + " does not match the body");
  }

  private Verdict tokenVerdict(String token, String what) {
    boolean same =
        MessageDigest.isEqual(
            sha256(token.getBytes(StandardCharsets.UTF_8)), sha256(secret.orElseThrow()));
    return same ? new Verdict(true, what) : new Verdict(false, what + " does not match the secret");
  }

  private static boolean isHex(String s, int length) {
    // ASCII only: Character.digit also takes other scripts' digits, which parseHex refuses
    return s.length() == length
        && s.chars()
            .allMatch(
                c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
  }

  private static Mac hmac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no HmacSHA256", e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JDK has no SHA-256", e);
    }
  }
}
