package dev.ignite.gitops.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.testing.LoopbackPorts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookReceiverTest {
  // GitHub's own example for validating webhook deliveries: this secret and payload must give
  // this signature, so our HMAC is checked against theirs, not against itself.
  private static final String SECRET = "It's a Secret to Everybody";
  private static final String PAYLOAD = "Hello, World!";
  private static final String SIGNATURE =
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicInteger syncs = new AtomicInteger();
  private final DaemonMetrics metrics = new DaemonMetrics();
  private WebhookReceiver receiver;

  @BeforeEach
  void start() throws IOException {
    receiver =
        new WebhookReceiver(loopback(), Optional.of(SECRET), syncs::incrementAndGet, metrics);
    receiver.start();
  }

  @AfterEach
  void close() {
    receiver.close();
  }

  @Test
  void validGitHubSignatureTriggersOneSync() throws Exception {
    HttpResponse<String> response =
        post(PAYLOAD, "X-GitHub-Event", "push", "X-Hub-Signature-256", SIGNATURE);

    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(syncs).hasValue(1);
    assertThat(count(WebhookResult.ACCEPTED)).isEqualTo(1);
  }

  @Test
  void tamperedBodyIsRefusedWithoutSync() throws Exception {
    HttpResponse<String> response =
        post("Hello, World?", "X-GitHub-Event", "push", "X-Hub-Signature-256", SIGNATURE);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    assertThat(syncs).hasValue(0);
    assertThat(count(WebhookResult.UNAUTHORIZED)).isEqualTo(1);
  }

  @Test
  void malformedSignaturesAreRefused() throws Exception {
    String notHex = "sha256=" + "g".repeat(64);
    for (String signature : new String[] {"sha1=abc", "sha256=", SIGNATURE + "00", notHex}) {
      assertThat(post(PAYLOAD, "X-Hub-Signature-256", signature).statusCode())
          .as(signature)
          .isEqualTo(401);
    }
    assertThat(syncs).hasValue(0);
  }

  @Test
  void gitLabTokenTriggersSyncAndAWrongOneDoesNot() throws Exception {
    assertThat(post("{}", "X-Gitlab-Event", "Push Hook", "X-Gitlab-Token", SECRET).statusCode())
        .isEqualTo(202);
    assertThat(post("{}", "X-Gitlab-Token", SECRET + "x").statusCode()).isEqualTo(401);
    assertThat(post("{}", "X-Gitlab-Token", "It's a Secret to Everybodz").statusCode())
        .isEqualTo(401);

    assertThat(syncs).hasValue(1);
  }

  @Test
  void bearerTokenTriggersSyncAndAWrongOneDoesNot() throws Exception {
    assertThat(post("", "Authorization", "Bearer " + SECRET).statusCode()).isEqualTo(202);
    assertThat(post("", "Authorization", "Bearer nope").statusCode()).isEqualTo(401);
    assertThat(post("", "Authorization", "Basic " + SECRET).statusCode()).isEqualTo(401);

    assertThat(syncs).hasValue(1);
  }

  @Test
  void requestWithoutCredentialIsRefused() throws Exception {
    assertThat(post(PAYLOAD, "X-GitHub-Event", "push").statusCode()).isEqualTo(401);
    assertThat(syncs).hasValue(0);
  }

  @Test
  void onlyPostIsAllowed() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri()).header("Authorization", "Bearer " + SECRET).GET().build(),
            BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    assertThat(syncs).hasValue(0);
    assertThat(count(WebhookResult.METHOD_NOT_ALLOWED)).isEqualTo(1);
  }

  @Test
  void otherPathsAreNotFound() throws Exception {
    URI other = URI.create("http://127.0.0.1:" + receiver.address().getPort() + "/webhooks");
    HttpRequest request =
        HttpRequest.newBuilder(other)
            .header("Authorization", "Bearer " + SECRET)
            .POST(BodyPublishers.noBody())
            .build();

    assertThat(http.send(request, BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    assertThat(syncs).hasValue(0);
  }

  @Test
  void bodyAtTheCapIsAcceptedAndOneByteMoreIsRefused() throws Exception {
    int cap = (int) WebhookReceiver.MAX_BODY_BYTES;
    assertThat(postStreamed(new byte[cap]).statusCode()).isEqualTo(202);
    assertThat(postStreamed(new byte[cap + 1]).statusCode()).isEqualTo(413);

    assertThat(syncs).hasValue(1);
    assertThat(count(WebhookResult.TOO_LARGE)).isEqualTo(1);
  }

  @Test
  void declaredOversizedBodyIsRefusedBeforeItIsSent() throws Exception {
    try (Socket socket =
        new Socket(InetAddress.getLoopbackAddress(), receiver.address().getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /webhook HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                  + SECRET
                  + "\r\nContent-Length: "
                  + (WebhookReceiver.MAX_BODY_BYTES + 1)
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      out.flush();

      assertThat(statusLine(socket.getInputStream())).startsWith("HTTP/1.1 413 ");
    }
    assertThat(syncs).hasValue(0);
  }

  @Test
  void gitHubPingIsAnsweredWithoutSync() throws Exception {
    HttpResponse<String> ping =
        post(PAYLOAD, "X-GitHub-Event", "ping", "X-Hub-Signature-256", SIGNATURE);
    HttpResponse<String> forged =
        post("zen", "X-GitHub-Event", "ping", "X-Hub-Signature-256", SIGNATURE);

    assertThat(ping.statusCode()).isEqualTo(200);
    assertThat(forged.statusCode()).isEqualTo(401);
    assertThat(syncs).hasValue(0);
    assertThat(count(WebhookResult.PING)).isEqualTo(1);
  }

  @Test
  void refusesToListenBeyondLoopbackWithoutSecret() {
    InetSocketAddress everywhere = new InetSocketAddress(9000);

    assertThatThrownBy(
            () ->
                new WebhookReceiver(everywhere, Optional.empty(), syncs::incrementAndGet, metrics))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.0.0.0:9000 without a secret")
        .hasMessageContaining("127.0.0.1:9000");
  }

  @Test
  void acceptsAnyPostOnLoopbackWithoutSecret() throws Exception {
    receiver.close();
    receiver = new WebhookReceiver(loopback(), Optional.empty(), syncs::incrementAndGet, metrics);
    receiver.start();

    assertThat(post("{}").statusCode()).isEqualTo(202);
    assertThat(syncs).hasValue(1);
  }

  @Test
  void refusesBlankOrPaddedSecret() {
    for (String secret : new String[] {"", "  ", SECRET + "\n"}) {
      assertThatThrownBy(
              () ->
                  new WebhookReceiver(
                      loopback(), Optional.of(secret), syncs::incrementAndGet, metrics))
          .as("%s", secret)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("the webhook secret");
    }
  }

  private HttpResponse<String> post(String body, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri()).POST(BodyPublishers.ofString(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return http.send(request.build(), BodyHandlers.ofString());
  }

  /** Sent chunked, with no length declared, so only counting the body can find it too long. */
  private HttpResponse<String> postStreamed(byte[] body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri())
            .header("Authorization", "Bearer " + SECRET)
            .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();
    return http.send(request, BodyHandlers.ofString());
  }

  private long count(WebhookResult result) {
    String scraped = MetricsServerTest.scrapeText(metrics, MetricsServerTest.status());
    return PrometheusText.parse(scraped)
        .samples
        .get("ignite_gitops_webhook_requests_total{result=\"" + result.label() + "\"}")
        .longValue();
  }

  private URI uri() {
    return URI.create("http://127.0.0.1:" + receiver.address().getPort() + WebhookReceiver.PATH);
  }

  private static InetSocketAddress loopback() throws IOException {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), LoopbackPorts.free());
  }

  private static String statusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c; (c = in.read()) != -1 && c != '\n'; ) {
      line.append((char) c);
    }
    return line.toString().strip();
  }
}
