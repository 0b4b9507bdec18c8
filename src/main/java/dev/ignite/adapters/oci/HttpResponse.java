package dev.ignite.adapters.oci;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP answer: status, headers (names compared without case) and the body, whose closing closes
 * the connection it came on.
 */
final class HttpResponse implements AutoCloseable {
  private final int status;
  private final Map<String, List<String>> headers; // lower-case names
  private final InputStream body;
  private final URI uri;

  HttpResponse(int status, Map<String, List<String>> headers, InputStream body) {
    this(status, headers, body, null);
  }

  private HttpResponse(int status, Map<String, List<String>> headers, InputStream body, URI uri) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.uri = uri;
  }

  /** The same answer, known to come from {@code uri} (after redirects). */
  HttpResponse from(URI where) {
    return new HttpResponse(status, headers, body, where);
  }

  /** Where the answer came from, after redirects. */
  URI uri() {
    return uri;
  }

  int status() {
    return status;
  }

  /** The first value of a header, or null. */
  String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every value of a header, in the order sent. */
  List<String> headers(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  InputStream body() {
    return body;
  }

  /**
   * Closes the answer unread: every request has a connection of its own ({@code Connection:
   * close}), so nothing is gained by reading the rest of a redirect's or an error's body.
   */
  void discard() {
    try {
      body.close();
    } catch (IOException e) {
      // the connection is gone either way
    }
  }

  /** The first bytes of the body, for error messages (registries explain errors in JSON). */
  String errorText() {
    try (body) {
      byte[] head = body.readNBytes(300);
      return new String(head, java.nio.charset.StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() throws IOException {
    body.close();
  }
}
