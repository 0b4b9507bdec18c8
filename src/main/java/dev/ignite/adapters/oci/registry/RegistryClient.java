package dev.ignite.adapters.oci.registry;

import dev.ignite.adapters.oci.manifest.MediaTypes;
import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The OCI distribution API calls an import makes to one repository: get a manifest, get a blob.
 * Every call goes through {@link #get}, which answers 401 challenges once, and only those of the
 * registry itself.
 */
final class RegistryClient implements AutoCloseable {
  /** A manifest as served: its bytes, Content-Type and the digest the registry claims for it. */
  record Manifest(byte[] body, String contentType, Optional<String> digest) {}

  static final int MAX_MANIFEST = 4 << 20;
  private final String base;
  private final RegistryHttp http;
  private final RegistryAuth auth;

  /** {@code base} is {@code http(s)://HOST[:PORT]/v2/REPOSITORY/}. */
  RegistryClient(String base, RegistryHttp http, RegistryAuth auth) {
    this.base = base;
    this.http = http;
    this.auth = auth;
  }

  Manifest manifest(String reference) throws IOException {
    try (RegistryHttp.Answer r =
        get("manifests/" + reference, MediaTypes.ACCEPT_MANIFESTS, MAX_MANIFEST)) {
      byte[] body = r.body().readNBytes(MAX_MANIFEST + 1);
      if (body.length > MAX_MANIFEST) {
        throw new RegistryError(0, "manifest " + reference + " is larger than 4 MiB");
      }
      return new Manifest(
          body, r.header("Content-Type"), Optional.ofNullable(r.header("Docker-Content-Digest")));
    }
  }

  /**
   * The blob's bytes, within the deadline for its {@code size}; the caller closes the stream, reads
   * no more than {@code size} + 1 bytes and verifies the digest.
   */
  InputStream blob(String digest, long size) throws IOException {
    return get("blobs/" + digest, null, size).body();
  }

  /** Ends the import's HTTP client. */
  @Override
  public void close() {
    http.close();
  }

  private RegistryHttp.Answer get(String path, String accept, long maxBytes) throws IOException {
    URI uri = RegistryHttp.parse(base + path); // registry, repository and reference were validated
    String header = auth.header();
    RegistryHttp.Answer r = http.get(uri, accept, header, maxBytes);
    if (r.status() == 401 && !RegistryHttp.sameOrigin(uri, r.uri())) {
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
      r = http.get(uri, accept, answer.get(), maxBytes);
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
