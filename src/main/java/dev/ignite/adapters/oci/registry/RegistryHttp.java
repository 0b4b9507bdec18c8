package dev.ignite.adapters.oci.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The HTTP side of one import: one {@code java.net.http} client for all its requests (connections
 * kept alive and reused, HTTP/2 where the registry offers it over TLS, the environment's proxies,
 * the registry's certs.d CAs), and redirects followed by hand: blob GETs are often sent on to
 * storage on another host, which must not receive our {@code Authorization}; only http and https
 * targets are followed, never from https down to http.
 */
final class RegistryHttp implements AutoCloseable {
  static final int MAX_REDIRECTS = 5;
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** One answer: status, where it came from after redirects, headers, and the body to close. */
  record Answer(int status, URI uri, HttpHeaders headers, InputStream body)
      implements AutoCloseable {
    /** The first value of a header (names without case), or null. */
    String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    List<String> headers(String name) {
      return headers.allValues(name);
    }

    /** Reads a short body to its end, so the connection can serve the next request. */
    void discard() {
      try (body) {
        body.readNBytes(64 << 10);
      } catch (IOException e) {
        // the connection is dropped instead
      }
    }

    /** The first bytes of the body, for error messages (registries explain errors in JSON). */
    String errorText() {
      try (body) {
        return new String(body.readNBytes(300), StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        return "";
      }
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }

  private final HttpClient client;
  private final BlobDeadline deadline;

  private RegistryHttp(HttpClient client, BlobDeadline deadline) {
    this.client = client;
    this.deadline = deadline;
  }

  /** A client for one import from {@code registry} (HOST[:PORT]), reached at {@code base}. */
  static RegistryHttp open(String registry, URI base, HostNetwork network, BlobDeadline deadline) {
    ProxyRules proxies = ProxyRules.fromEnvironment(network.env());
    proxies.requireUsable(base);
    HttpClient.Builder b =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .proxy(proxies);
    if ("https".equalsIgnoreCase(base.getScheme())) {
      SSLContext tls = RegistryTrust.forRegistry(registry, network.certsRoots());
      b.sslContext(tls).sslParameters(chachaFirst(tls.getDefaultSSLParameters()));
    }
    return new RegistryHttp(b.build(), deadline);
  }

  /**
   * The JDK's cipher suites with ChaCha20-Poly1305 asked for first: the CLI's JVM compiles with C1
   * only, where AES-GCM has no intrinsics and cost 2.5× as much CPU (docs/decisions.md). Servers
   * without it still get AES-GCM.
   */
  private static SSLParameters chachaFirst(SSLParameters defaults) {
    List<String> suites = new ArrayList<>();
    for (String s : defaults.getCipherSuites()) {
      if (s.contains("CHACHA20")) {
        suites.add(s);
      }
    }
    for (String s : defaults.getCipherSuites()) {
      if (!s.contains("CHACHA20")) {
        suites.add(s);
      }
    }
    defaults.setCipherSuites(suites.toArray(new String[0]));
    return defaults;
  }

  /**
   * GETs {@code uri}; {@code authorization} (may be null) goes only to the origin of {@code uri}.
   * Returns the final, non-redirect answer, whose body may take as long as {@code maxBytes} would
   * at the deadline's pace and stops with an error when that, or its idle limit, passes.
   */
  Answer get(URI uri, String accept, String authorization, long maxBytes) throws IOException {
    if (!isWeb(uri)) { // a token realm comes from the registry's WWW-Authenticate header
      throw new RegistryError(0, "refusing to fetch " + uri + ": only http and https URLs");
    }
    URI current = uri;
    for (int hop = 0; ; hop++) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(current)
              .GET()
              .timeout(deadline.idle())
              .header("User-Agent", "ignite")
              .version(isTls(current) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
      try {
        if (accept != null) {
          request.header("Accept", accept);
        }
        if (authorization != null && sameOrigin(uri, current)) {
          request.header("Authorization", authorization);
        }
      } catch (IllegalArgumentException e) {
        throw new RegistryError(0, "refusing a request to " + current + ": " + e.getMessage());
      }
      HttpResponse<InputStream> r = send(request.build());
      InputStream body =
          new TimedBody(r.body(), "GET " + uri, deadline.forSize(maxBytes), deadline.idle());
      Answer answer = new Answer(r.statusCode(), current, r.headers(), body);
      if (!isRedirect(answer.status())) {
        return answer;
      }
      String location = answer.header("Location");
      answer.discard();
      if (location == null) {
        throw new RegistryError(
            answer.status(), "HTTP " + answer.status() + " without Location from " + current);
      }
      if (hop == MAX_REDIRECTS) {
        throw new RegistryError(
            answer.status(),
            "more than " + MAX_REDIRECTS + " redirects from " + uri + " (last " + current + ")");
      }
      current = redirectTarget(current, location, answer.status());
    }
  }

  /**
   * Ends the client's selector thread. Java 17's HttpClient has no close() (21's has: used when
   * present), and its selector thread waits in native code, which makes the JVM's exit wait 300 ms
   * for it (HotSpot's VM_Exit waits for threads in native). Interrupted, it ends; it is found by
   * the name the JDK gives it from the client's id, which the client's toString() shows.
   */
  @Override
  public void close() {
    if (client instanceof AutoCloseable closeable) {
      try {
        closeable.close();
        return;
      } catch (Exception e) {
        // fall through to the interrupt
      }
    }
    String id = client.toString();
    int open = id.lastIndexOf('(');
    if (open < 0 || !id.endsWith(")")) {
      return;
    }
    String name = "HttpClient-" + id.substring(open + 1, id.length() - 1) + "-SelectorManager";
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().equals(name)) {
        t.interrupt();
      }
    }
  }

  private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while asking " + request.uri());
    }
  }

  /**
   * Where a Location header points, refused unless it is http or https (a registry must not send us
   * to {@code file:} or {@code jar:} URLs), and refused from https to plain http.
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
    if (isTls(from) && !isTls(to)) {
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

  private static boolean isTls(URI uri) {
    return "https".equalsIgnoreCase(uri.getScheme());
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
    return isTls(u) ? 443 : 80;
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }
}
