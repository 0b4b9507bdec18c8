package dev.ignite.adapters.oci;

import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
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
  private final String registry;
  private final RegistryAuth auth;
  private final BlobDeadline deadline;

  /** Plain HTTP when {@code insecure}; HTTPS with the JDK's default trust otherwise. */
  RegistryClient(RegistryRef ref, boolean insecure, RegistryAuth auth, BlobDeadline deadline) {
    this.base =
        (insecure ? "http://" : "https://") + ref.registry() + "/v2/" + ref.repository() + "/";
    this.registry = ref.registry();
    this.auth = auth;
    this.deadline = deadline;
  }

  Manifest manifest(String reference) throws IOException {
    try (HttpResponse r = get("manifests/" + reference, MediaTypes.ACCEPT_MANIFESTS)) {
      byte[] body = r.body().readNBytes(MAX_MANIFEST + 1);
      if (body.length > MAX_MANIFEST) {
        throw new RegistryError(0, "manifest " + reference + " is larger than 4 MiB");
      }
      return new Manifest(
          body, r.header("Content-Type"), Optional.ofNullable(r.header("Docker-Content-Digest")));
    }
  }

  /**
   * The blob's bytes, within the deadline for its {@code size}; the caller closes the stream and
   * verifies the digest.
   */
  InputStream blob(String digest, long size) throws IOException {
    return new TimedBody(
        get("blobs/" + digest, null).body(),
        "blob " + digest + " from registry " + registry,
        deadline.forSize(size),
        deadline.idle());
  }

  private HttpResponse get(String path, String accept) throws IOException {
    URI uri = Http.parse(base + path); // registry, repository and reference were validated
    String header = auth.header();
    HttpResponse r = Http.send("GET", uri, accept, header);
    if (r.status() == 401 && !Http.sameOrigin(uri, r.uri())) {
      r.discard();
      throw new ImageException(
          "GET "
              + uri
              + " was redirected to "
              + r.uri().getScheme()
              + "://"
              + r.uri().getAuthority()
              + ", which answered HTTP 401; only the registry itself is answered with"
              + " credentials");
    }
    if (r.status() == 401) {
      List<AuthChallenge> challenges = AuthChallenge.parseAll(r.headers("WWW-Authenticate"));
      r.discard();
      Optional<String> answer = auth.answer(challenges, header);
      if (answer.isEmpty()) {
        throw new RegistryError(401, "HTTP 401 for GET " + uri);
      }
      r = Http.send("GET", uri, accept, answer.get());
    }
    int status = r.status();
    if (status >= 400) {
      String text = r.errorText(); // closes the answer
      throw new RegistryError(
          status, "HTTP " + status + " for GET " + uri + (text.isEmpty() ? "" : ": " + text));
    }
    return r;
  }
}
