package dev.ignite.gitops.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.testing.LoopbackPorts;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedListenerTest {
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final DaemonMetrics metrics = new DaemonMetrics();
  private final AtomicInteger syncs = new AtomicInteger();
  private InetSocketAddress address;

  @Test
  void webhookAndMetricsShareOneAddressAndTheLastCloseFreesIt() throws Exception {
    address = new InetSocketAddress(InetAddress.getLoopbackAddress(), LoopbackPorts.free());
    WebhookReceiver webhook =
        new WebhookReceiver(address, Optional.of("s3cret"), syncs::incrementAndGet, metrics);
    MetricsServer server = new MetricsServer(address, MetricsServerTest::status, metrics);
    webhook.start();
    server.start();

    assertThat(status("POST", "/webhook")).isEqualTo(202);
    assertThat(status("GET", "/healthz")).isEqualTo(200);

    webhook.close();
    assertThat(status("POST", "/webhook")).isEqualTo(404);
    assertThat(status("GET", "/healthz")).isEqualTo(200);

    server.close();
    assertThatThrownBy(() -> status("GET", "/healthz")).isInstanceOf(ConnectException.class);
    try (ServerSocket again = new ServerSocket()) {
      again.bind(address);
    }
    assertThat(syncs).hasValue(1);
  }

  @Test
  void anAddressInUseIsNamedInTheError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      InetSocketAddress address = (InetSocketAddress) taken.getLocalSocketAddress();
      MetricsServer server = new MetricsServer(address, MetricsServerTest::status, metrics);

      assertThatThrownBy(server::start)
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("cannot listen on 127.0.0.1:" + address.getPort() + ": ");
    }
  }

  private int status(String method, String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + address.getPort() + path))
            .header("Authorization", "Bearer s3cret")
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return http.send(request, BodyHandlers.ofString()).statusCode();
  }
}
