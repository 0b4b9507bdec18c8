package dev.ignite.adapters.oci;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP exchange over {@link HttpURLConnection}, following redirects by hand. We do not use
 * java.net.http: in a fresh JVM its client costs ~190 ms before the first byte (and 300 ms at exit
 * for its selector thread), against ~23 ms here. Redirects are followed by hand because blob GETs
 * are often sent on to storage on another host, which must not receive our {@code Authorization}.
 */
final class Http {
  static final int MAX_REDIRECTS = 5;
  private static final int CONNECT_TIMEOUT_MS = 10_000;
  private static final int READ_TIMEOUT_MS = 60_000;

  private Http() {}

  /**
   * Sends {@code method} to {@code url}; {@code authorization} (may be null) goes only to the
   * origin of {@code url}. Returns the connection of the final, non-redirect answer.
   */
  static HttpURLConnection send(String method, URL url, String accept, String authorization)
      throws IOException {
    if (!isWeb(url)) {
      // a token realm comes from the registry's WWW-Authenticate header
      throw new RegistryError(0, "refusing to fetch " + url + ": only http and https URLs");
    }
    URL current = url;
    for (int hop = 0; ; hop++) {
      HttpURLConnection c = (HttpURLConnection) current.openConnection();
      c.setInstanceFollowRedirects(false);
      c.setConnectTimeout(CONNECT_TIMEOUT_MS);
      c.setReadTimeout(READ_TIMEOUT_MS);
      c.setRequestMethod(method);
      if (accept != null) {
        c.setRequestProperty("Accept", accept);
      }
      if (authorization != null && sameOrigin(url, current)) {
        c.setRequestProperty("Authorization", authorization);
      }
      int status = c.getResponseCode();
      if (!isRedirect(status)) {
        return c;
      }
      String location = c.getHeaderField("Location");
      discard(c);
      if (location == null) {
        throw new RegistryError(status, "HTTP " + status + " without Location from " + current);
      }
      if (hop == MAX_REDIRECTS) {
        throw new RegistryError(
            status,
            "more than " + MAX_REDIRECTS + " redirects from " + url + " (last " + current + ")");
      }
      current = redirectTarget(current, location, status);
    }
  }

  /**
   * Where a Location header points, refused unless it is http or https: a registry must not be able
   * to send us to {@code file:}, {@code jar:} or {@code ftp:} URLs.
   */
  static URL redirectTarget(URL from, String location, int status) throws IOException {
    URL to = new URL(from, location);
    if (!isWeb(to)) {
      throw new RegistryError(
          status,
          "HTTP "
              + status
              + " from "
              + from
              + " redirects to a "
              + to.getProtocol()
              + ": URL; refused");
    }
    return to;
  }

  private static boolean isWeb(URL url) {
    String scheme = url.getProtocol().toLowerCase(Locale.ROOT);
    return scheme.equals("http") || scheme.equals("https");
  }

  /**
   * Credentials meant for {@code a} may go to {@code b}: same scheme, host and port (a downgrade to
   * plain HTTP on the same host does not qualify).
   */
  static boolean sameOrigin(URL a, URL b) {
    return a.getProtocol().equalsIgnoreCase(b.getProtocol())
        && a.getHost().toLowerCase(Locale.ROOT).equals(b.getHost().toLowerCase(Locale.ROOT))
        && effectivePort(a) == effectivePort(b);
  }

  private static int effectivePort(URL u) {
    return u.getPort() == -1 ? u.getDefaultPort() : u.getPort();
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /** Reads and closes whatever body an answer has, so its connection can be kept alive. */
  static void discard(HttpURLConnection c) {
    try (InputStream in = c.getResponseCode() >= 400 ? c.getErrorStream() : c.getInputStream()) {
      if (in != null) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
      }
    } catch (IOException e) {
      c.disconnect();
    }
  }

  /** Every value of a header; names compare without case (Go servers send Www-Authenticate). */
  static List<String> headers(HttpURLConnection c, String name) {
    List<String> values = new ArrayList<>();
    c.getHeaderFields()
        .forEach(
            (key, v) -> {
              if (key != null && key.equalsIgnoreCase(name)) {
                values.addAll(v);
              }
            });
    return values;
  }

  /** The first bytes of an error body, for messages (registries explain errors in JSON). */
  static String errorText(HttpURLConnection c) {
    try (InputStream in = c.getErrorStream()) {
      if (in == null) {
        return "";
      }
      byte[] head = in.readNBytes(300);
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return new String(head, java.nio.charset.StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "";
    }
  }
}
