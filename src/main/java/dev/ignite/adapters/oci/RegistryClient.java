package dev.ignite.adapters.oci;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.List;
import java.util.Optional;

/**
 * The OCI distribution API calls an import makes to one repository: get a manifest, get a blob.
 * Every call goes through {@link #send}, which answers 401 challenges once.
 */
final class RegistryClient {
  /** A manifest as served: its bytes, Content-Type and the digest the registry claims for it. */
  record Manifest(byte[] body, String contentType, Optional<String> digest) {}

  static final int MAX_MANIFEST = 4 << 20;
  private final String base;
  private final RegistryAuth auth;

  /** Plain HTTP when {@code insecure}; HTTPS with the JDK's default trust otherwise. */
  RegistryClient(RegistryRef ref, boolean insecure, RegistryAuth auth) {
    this.base =
        (insecure ? "http://" : "https://") + ref.registry() + "/v2/" + ref.repository() + "/";
    this.auth = auth;
  }

  Manifest manifest(String reference) throws IOException {
    HttpURLConnection c = send("GET", "manifests/" + reference, MediaTypes.ACCEPT_MANIFESTS);
    byte[] body;
    try (InputStream in = c.getInputStream()) {
      body = in.readNBytes(MAX_MANIFEST + 1);
    }
    if (body.length > MAX_MANIFEST) {
      throw new RegistryError(0, "manifest " + reference + " is larger than 4 MiB");
    }
    return new Manifest(
        body, c.getContentType(), Optional.ofNullable(c.getHeaderField("Docker-Content-Digest")));
  }

  /** The blob's bytes; the caller closes the stream and verifies the digest. */
  InputStream blob(String digest) throws IOException {
    return send("GET", "blobs/" + digest, null).getInputStream();
  }

  private HttpURLConnection send(String method, String path, String accept) throws IOException {
    URL url = new URL(base + path);
    String header = auth.header();
    HttpURLConnection c = Http.send(method, url, accept, header);
    if (c.getResponseCode() == 401) {
      List<AuthChallenge> challenges = AuthChallenge.parseAll(Http.headers(c, "WWW-Authenticate"));
      Http.discard(c);
      Optional<String> answer = auth.answer(challenges, header);
      if (answer.isPresent()) {
        c = Http.send(method, url, accept, answer.get());
      }
    }
    int status = c.getResponseCode();
    if (status >= 400) {
      String text = method.equals("HEAD") ? "" : Http.errorText(c);
      Http.discard(c);
      throw new RegistryError(
          status,
          "HTTP " + status + " for " + method + " " + url + (text.isEmpty() ? "" : ": " + text));
    }
    return c;
  }
}
