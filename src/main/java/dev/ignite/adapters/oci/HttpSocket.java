package dev.ignite.adapters.oci;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 request on a connection of its own ({@code Connection: close}), over TLS with the
 * JDK's default trust and host name check for https. Ours rather than {@code HttpURLConnection}: in
 * a fresh JVM its first request cost ~15 ms, and the first {@code java.net.URL} another 8–16 ms (a
 * ServiceLoader scan of every jar for URL handlers), all before an import's first byte.
 *
 * <p>Answers are untrusted: the status line and headers are capped (16 KiB a line, 256 KiB in all,
 * 200 lines), lengths must parse, and a body ends where Content-Length or the chunked encoding
 * says, or at the connection's end when neither is given.
 */
final class HttpSocket {
  private static final int MAX_LINE = 16 << 10;
  private static final int MAX_HEADER_BYTES = 256 << 10;
  private static final int MAX_HEADERS = 200;

  private HttpSocket() {}

  static HttpResponse exchange(
      String method, URI uri, Map<String, String> headers, int connectTimeoutMs, int readTimeoutMs)
      throws IOException {
    boolean tls = "https".equalsIgnoreCase(uri.getScheme());
    String host = uri.getHost();
    if (host == null) {
      throw new IOException("no host in " + uri);
    }
    String bareHost = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
    byte[] request = request(method, uri, host, port, tls, headers);
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(bareHost, port), connectTimeoutMs);
      socket.setSoTimeout(readTimeoutMs);
      socket.setTcpNoDelay(true);
      if (tls) {
        socket = startTls(socket, bareHost, port);
      }
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
      return read(method, in, socket);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
  }

  private static Socket startTls(Socket plain, String host, int port) throws IOException {
    SSLSocket tls =
        (SSLSocket)
            ((SSLSocketFactory) SSLSocketFactory.getDefault())
                .createSocket(plain, host, port, true);
    SSLParameters params = tls.getSSLParameters();
    params.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name this host
    tls.setSSLParameters(params);
    tls.startHandshake();
    return tls;
  }

  private static byte[] request(
      String method, URI uri, String host, int port, boolean tls, Map<String, String> headers)
      throws IOException {
    String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    if (uri.getRawQuery() != null) {
      target += "?" + uri.getRawQuery();
    }
    StringBuilder r = new StringBuilder(256);
    r.append(method).append(' ').append(oneLine(target)).append(" HTTP/1.1\r\n");
    r.append("Host: ").append(oneLine(host));
    if (port != (tls ? 443 : 80)) {
      r.append(':').append(port);
    }
    r.append("\r\nUser-Agent: ignite\r\nConnection: close\r\n");
    for (Map.Entry<String, String> h : headers.entrySet()) {
      r.append(oneLine(h.getKey())).append(": ").append(oneLine(h.getValue())).append("\r\n");
    }
    r.append("\r\n");
    return r.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A control character from a redirect or a realm must not start a header line of its own. */
  private static String oneLine(String s) throws IOException {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw new IOException("refusing an HTTP request with a control character in '" + s + "'");
      }
    }
    return s;
  }

  private static HttpResponse read(String method, InputStream in, Socket socket)
      throws IOException {
    int[] budget = {MAX_HEADER_BYTES};
    int status = status(line(in, budget));
    while (status >= 100 && status < 200 && status != 101) { // 100 Continue and the like
      headers(in, budget);
      status = status(line(in, budget));
    }
    Map<String, List<String>> headers = headers(in, budget);
    InputStream body;
    if (method.equals("HEAD") || status == 204 || status == 304) {
      body = InputStream.nullInputStream();
    } else if (String.join(",", headers.getOrDefault("transfer-encoding", List.of()))
        .toLowerCase(Locale.ROOT)
        .contains("chunked")) {
      body = new ChunkedBody(in);
    } else if (headers.containsKey("content-length")) {
      body = new LimitedBody(in, contentLength(headers.get("content-length")));
    } else {
      body = in;
    }
    return new HttpResponse(status, headers, new ClosingBody(body, socket));
  }

  private static int status(String line) throws IOException {
    // HTTP/1.1 200 OK
    if (!line.startsWith("HTTP/1.") || line.length() < 12 || line.charAt(8) != ' ') {
      throw new IOException("not an HTTP answer: '" + printable(line) + "'");
    }
    try {
      return Integer.parseInt(line.substring(9, 12));
    } catch (NumberFormatException e) {
      throw new IOException("bad HTTP status line: '" + printable(line) + "'");
    }
  }

  private static Map<String, List<String>> headers(InputStream in, int[] budget)
      throws IOException {
    Map<String, List<String>> headers = new HashMap<>();
    for (int n = 0; ; n++) {
      String line = line(in, budget);
      if (line.isEmpty()) {
        return headers;
      }
      int colon = line.indexOf(':');
      if (n == MAX_HEADERS || colon <= 0) {
        throw new IOException("bad HTTP header line: '" + printable(line) + "'");
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      List<String> values = headers.get(name);
      if (values == null) {
        values = new ArrayList<>();
        headers.put(name, values);
      }
      values.add(line.substring(colon + 1).trim());
    }
  }

  private static long contentLength(List<String> values) throws IOException {
    long length = -1;
    for (String v : values) {
      long n;
      try {
        n = Long.parseLong(v);
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 0 || (length >= 0 && n != length)) {
        throw new IOException("bad Content-Length: " + values);
      }
      length = n;
    }
    return length;
  }

  /** A line without its CRLF (a bare LF is accepted), within the header budget. */
  static String line(InputStream in, int[] budget) throws IOException {
    StringBuilder b = new StringBuilder(64);
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new EOFException("the connection closed inside an HTTP header");
      }
      if (--budget[0] < 0 || b.length() > MAX_LINE) {
        throw new IOException("HTTP header too large");
      }
      if (c == '\n') {
        int end = b.length();
        return end > 0 && b.charAt(end - 1) == '\r' ? b.substring(0, end - 1) : b.toString();
      }
      b.append((char) c);
    }
  }

  private static String printable(String s) {
    String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
    return cut.replaceAll("[^\\x20-\\x7e…]", "?");
  }

  /** A body of known length. */
  private static final class LimitedBody extends ArrayInputStream {
    private final InputStream in;
    private long left;

    LimitedBody(InputStream in, long length) {
      this.in = in;
      this.left = length;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left == 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n < 0) {
        throw new EOFException("the connection closed " + left + " bytes before the body's end");
      }
      left -= n;
      return n;
    }
  }

  /** Closing the body closes its connection. */
  private static final class ClosingBody extends InputStream {
    private final InputStream in;
    private final Socket socket;

    ClosingBody(InputStream in, Socket socket) {
      this.in = in;
      this.socket = socket;
    }

    @Override
    public int read() throws IOException {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return in.read(b, off, len);
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
