package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Our HTTP/1.1 client against a loopback socket that answers with fixed bytes, for the framings a
 * registry, a token server or a storage redirect may use, and for broken answers. (The real
 * registries of RegistryImportIT, TokenAuthImportIT and HttpsRegistryIT cover the happy paths.)
 */
class HttpSocketTest {
  /** Serves one connection: records the request head, then writes {@code answer}. */
  private static CompletableFuture<String> serveOnce(ServerSocket server, String answer) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (Socket s = server.accept()) {
            InputStream in = s.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
              int c = in.read();
              if (c < 0) {
                break;
              }
              head.append((char) c);
            }
            OutputStream out = s.getOutputStream();
            out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return head.toString();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  private static String body(String answer, Map<String, String> headers) throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      serveOnce(server, answer);
      URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v2/x?y=1");
      try (HttpResponse r = HttpSocket.exchange("GET", uri, headers, 5000, 5000)) {
        return r.status() + " " + new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  @Test
  void sendsAnHttp11RequestWithHostAndOurHeaders() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<String> request = serveOnce(server, "HTTP/1.1 204 No Content\r\n\r\n");
      URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v2/x/manifests/1?a=b");
      try (HttpResponse r =
          HttpSocket.exchange("GET", uri, Map.of("Accept", "application/json"), 5000, 5000)) {
        assertThat(r.status()).isEqualTo(204);
      }
      assertThat(request.get(5, TimeUnit.SECONDS))
          .startsWith("GET /v2/x/manifests/1?a=b HTTP/1.1\r\n")
          .contains("Host: 127.0.0.1:" + server.getLocalPort() + "\r\n")
          .contains("Accept: application/json\r\n")
          .contains("Connection: close\r\n");
    }
  }

  @Test
  void readsContentLengthChunkedAndUntilCloseBodies() throws Exception {
    assertThat(body("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloEXTRA", Map.of()))
        .isEqualTo("200 hello");
    assertThat(
            body(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n",
                Map.of()))
        .isEqualTo("200 hello world");
    assertThat(body("HTTP/1.0 200 OK\r\n\r\nuntil the end", Map.of()))
        .isEqualTo("200 until the end");
    assertThat(
            body(
                "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
                Map.of()))
        .isEqualTo("200 ok");
  }

  @Test
  void headerNamesCompareWithoutCase() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      serveOnce(
          server,
          "HTTP/1.1 401 Unauthorized\r\nWww-Authenticate: Bearer realm=\"a\"\r\n"
              + "WWW-AUTHENTICATE: Basic realm=\"b\"\r\nContent-Length: 0\r\n\r\n");
      URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v2/");
      try (HttpResponse r = HttpSocket.exchange("GET", uri, Map.of(), 5000, 5000)) {
        assertThat(r.headers("www-authenticate"))
            .containsExactly("Bearer realm=\"a\"", "Basic realm=\"b\"");
      }
    }
  }

  @Test
  void brokenAnswersAreErrorsNotData() {
    assertThatThrownBy(() -> body("SSH-2.0-OpenSSH_9.2\r\n\r\n", Map.of()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not an HTTP answer");
    assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", Map.of()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("before the body's end");
    assertThatThrownBy(() -> body("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", Map.of()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("Content-Length");
    assertThatThrownBy(
            () -> body("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", Map.of()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("chunk size");
    assertThatThrownBy(
            () -> body("HTTP/1.1 200 OK\r\nX: " + "a".repeat(300_000) + "\r\n\r\n", Map.of()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("too large");
  }

  @Test
  void aLineBreakInAHeaderValueIsRefusedBeforeAnythingIsSent() {
    URI uri = URI.create("http://127.0.0.1:9/v2/");
    assertThatThrownBy(
            () ->
                HttpSocket.exchange(
                    "GET", uri, Map.of("Authorization", "Bearer x\r\nX-Evil: 1"), 5000, 5000))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("control character");
  }
}
