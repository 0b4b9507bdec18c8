package dev.ignite.adapters.oci;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP exchange, following redirects by hand: blob GETs are often sent on to storage on another
 * host, which must not receive our {@code Authorization}. The wire is {@link HttpSocket}; we use
 * neither java.net.http (in a fresh JVM its client cost ~190 ms before the first byte, and 300 ms
 * at exit for its selector thread) nor {@code HttpURLConnection} (~25 ms with its first URL).
 */
final class Http {
  static final int MAX_REDIRECTS = 5;
  private static final int CONNECT_TIMEOUT_MS = 10_000;
  private static final int READ_TIMEOUT_MS = 60_000;

  private Http() {}

  /**
   * Sends {@code method} to {@code uri}; {@code authorization} (may be null) goes only to the
   * origin of {@code uri}. Returns the final, non-redirect answer.
   */
  static HttpResponse send(String method, URI uri, String accept, String authorization)
      throws IOException {
    if (!isWeb(uri)) {
      // a token realm comes from the registry's WWW-Authenticate header
      throw new RegistryError(0, "refusing to fetch " + uri + ": only http and https URLs");
    }
    URI current = uri;
    for (int hop = 0; ; hop++) {
      Map<String, String> headers = new LinkedHashMap<>();
      if (accept != null) {
        headers.put("Accept", accept);
      }
      if (authorization != null && sameOrigin(uri, current)) {
        headers.put("Authorization", authorization);
      }
      HttpResponse r =
          HttpSocket.exchange(method, current, headers, CONNECT_TIMEOUT_MS, READ_TIMEOUT_MS);
      int status = r.status();
      if (!isRedirect(status)) {
        return r.from(current);
      }
      String location = r.header("Location");
      r.discard();
      if (location == null) {
        throw new RegistryError(status, "HTTP " + status + " without Location from " + current);
      }
      if (hop == MAX_REDIRECTS) {
        throw new RegistryError(
            status,
            "more than " + MAX_REDIRECTS + " redirects from " + uri + " (last " + current + ")");
      }
      current = redirectTarget(current, location, status);
    }
  }

  /**
   * Where a Location header points, refused unless it is http or https: a registry must not be able
   * to send us to {@code file:}, {@code jar:} or {@code ftp:} URLs.
   */
  static URI redirectTarget(URI from, String location, int status) throws IOException {
    URI to;
    try {
      to = from.resolve(new URI(location));
    } catch (URISyntaxException e) {
      throw new RegistryError(
          status, "HTTP " + status + " from " + from + " redirects to a malformed URL; refused");
    }
    if (!isWeb(to)) {
      throw new RegistryError(
          status,
          "HTTP "
              + status
              + " from "
              + from
              + " redirects to a "
              + to.getScheme()
              + ": URL; refused");
    }
    if (from.getScheme().equalsIgnoreCase("https") && to.getScheme().equalsIgnoreCase("http")) {
      throw new RegistryError(
          status, "HTTP " + status + " from " + from + " redirects to plain " + to + "; refused");
    }
    return to;
  }

  /** A URL of our own making or from a registry's header: only an http(s) one with a host. */
  static URI parse(String url) throws IOException {
    try {
      URI uri = new URI(url);
      if (isWeb(uri)) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // said below
    }
    throw new RegistryError(0, "refusing to fetch '" + url + "': not an http or https URL");
  }

  private static boolean isWeb(URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
  }

  /**
   * Credentials meant for {@code a} may go to {@code b}: same scheme, host and port (a downgrade to
   * plain HTTP on the same host does not qualify).
   */
  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT))
        && effectivePort(a) == effectivePort(b);
  }

  private static int effectivePort(URI u) {
    if (u.getPort() != -1) {
      return u.getPort();
    }
    return u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }
}
