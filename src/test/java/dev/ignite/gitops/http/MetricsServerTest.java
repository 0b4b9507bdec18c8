package dev.ignite.gitops.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ignite.gitops.DaemonStatus;
import dev.ignite.gitops.DaemonStatus.VmState;
import dev.ignite.testing.LoopbackPorts;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  private static final Instant SYNCED = Instant.parse("2026-01-02T03:04:05Z");

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final DaemonMetrics metrics = new DaemonMetrics(Clock.fixed(SYNCED, ZoneOffset.UTC));
  private final AtomicReference<DaemonStatus> current = new AtomicReference<>(status());
  private MetricsServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MetricsServer(loopback(), current::get, metrics);
    server.start();
  }

  @AfterEach
  void close() {
    server.close();
  }

  @Test
  void metricsParseAsPrometheusTextWithTheDaemonsNames() throws Exception {
    metrics.syncFinished(Duration.ofMillis(1500), true);
    metrics.syncFinished(Duration.ofMillis(300), false);
    metrics.pushRetried();
    metrics.webhook(WebhookResult.ACCEPTED);
    current.set(
        synced(vm("web", "Running", true), vm("db", "Stopped", true), vm("old", "Stopped", false)));

    HttpResponse<String> response = get("/metrics");
    PrometheusText text = PrometheusText.parse(response.body());

    assertThat(response.headers().firstValue("Content-Type"))
        .hasValue(PrometheusTextFormatWriter.CONTENT_TYPE);
    assertThat(text.types)
        .containsEntry("ignite_gitops_syncs_total", "counter")
        .containsEntry("ignite_gitops_sync_failures_total", "counter")
        .containsEntry("ignite_gitops_push_retries_total", "counter")
        .containsEntry("ignite_gitops_webhook_requests_total", "counter")
        .containsEntry("ignite_gitops_last_sync_duration_seconds", "gauge")
        .containsEntry("ignite_gitops_last_sync_timestamp_seconds", "gauge")
        .containsEntry("ignite_gitops_last_successful_sync_timestamp_seconds", "gauge")
        .containsEntry("ignite_gitops_sync_duration_seconds", "histogram")
        .containsEntry("ignite_gitops_vms", "gauge")
        .containsEntry("ignite_gitops_vm_up", "gauge")
        .containsEntry("ignite_gitops_vm_want_running", "gauge");
    assertThat(text.samples)
        .containsEntry("ignite_gitops_syncs_total", 2.0)
        .containsEntry("ignite_gitops_sync_failures_total", 1.0)
        .containsEntry("ignite_gitops_push_retries_total", 1.0)
        .containsEntry("ignite_gitops_last_sync_duration_seconds", 0.3)
        .containsEntry("ignite_gitops_last_sync_timestamp_seconds", SYNCED.getEpochSecond() * 1.0)
        .containsEntry("ignite_gitops_sync_duration_seconds_count", 2.0)
        .containsEntry("ignite_gitops_sync_duration_seconds_sum", 1.8)
        .containsEntry("ignite_gitops_sync_duration_seconds_bucket{le=\"0.5\"}", 1.0)
        .containsEntry("ignite_gitops_sync_duration_seconds_bucket{le=\"+Inf\"}", 2.0)
        .containsEntry("ignite_gitops_webhook_requests_total{result=\"accepted\"}", 1.0)
        .containsEntry("ignite_gitops_webhook_requests_total{result=\"unauthorized\"}", 0.0)
        .containsEntry("ignite_gitops_vms{phase=\"Running\"}", 1.0)
        .containsEntry("ignite_gitops_vms{phase=\"Stopped\"}", 2.0)
        .containsEntry("ignite_gitops_vm_up{name=\"web\"}", 1.0)
        .containsEntry("ignite_gitops_vm_up{name=\"db\"}", 0.0)
        .containsEntry("ignite_gitops_vm_want_running{name=\"db\"}", 1.0)
        .containsEntry("ignite_gitops_vm_want_running{name=\"old\"}", 0.0);
  }

  @Test
  void aRemovedVmsSeriesGoWithIt() throws Exception {
    current.set(synced(vm("web", "Running", true), vm("gone", "Running", true)));
    assertThat(PrometheusText.parse(get("/metrics").body()).samples)
        .containsKey("ignite_gitops_vm_up{name=\"gone\"}");

    current.set(synced(vm("web", "Running", true)));

    assertThat(PrometheusText.parse(get("/metrics").body()).samples)
        .containsKey("ignite_gitops_vm_up{name=\"web\"}")
        .doesNotContainKey("ignite_gitops_vm_up{name=\"gone\"}");
  }

  @Test
  void openMetricsWhenTheScraperAsksForIt() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri("/metrics"))
            .header("Accept", "application/openmetrics-text; version=1.0.0; charset=utf-8")
            .build();
    HttpResponse<String> response = http.send(request, BodyHandlers.ofString());

    assertThat(response.headers().firstValue("Content-Type"))
        .get()
        .asString()
        .startsWith("application/openmetrics-text");
    assertThat(response.body()).contains("ignite_gitops_syncs_total 0").endsWith("# EOF\n");
  }

  @Test
  void readyzFlipsOnceASyncCompletesWithoutError() throws Exception {
    HttpResponse<String> before = get("/readyz");
    current.set(failed("fetching ssh://git@example/repo: connection refused"));
    HttpResponse<String> afterFailure = get("/readyz");
    current.set(synced());
    HttpResponse<String> afterSuccess = get("/readyz");

    assertThat(before.statusCode()).isEqualTo(503);
    assertThat(before.body()).isEqualTo("not ready: no sync has completed yet\n");
    assertThat(afterFailure.statusCode()).isEqualTo(503);
    assertThat(afterFailure.body())
        .contains("the last sync failed: fetching ssh://git@example/repo: connection refused");
    assertThat(afterSuccess.statusCode()).isEqualTo(200);
  }

  @Test
  void healthzAnswersWhileTheProcessServes() throws Exception {
    assertThat(get("/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void statusIsTheDaemonStatusAsJson() throws Exception {
    VmState broken =
        new VmState("db", "uid-db", "vms/db.yaml", true, "Failed", Optional.of("image not found"));
    current.set(synced(vm("web", "Running", true), broken));

    HttpResponse<String> response = get("/status");
    JsonNode json = new ObjectMapper().readTree(response.body());

    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(json.get("repository").asText()).isEqualTo("ssh://git@example/vms.git");
    assertThat(json.get("branch").asText()).isEqualTo("main");
    assertThat(json.get("ready").asBoolean()).isTrue();
    assertThat(json.get("revision").asText()).isEqualTo("0123abcd");
    assertThat(json.get("lastSyncStart").asText()).isEqualTo("2026-01-02T03:04:05Z");
    assertThat(json.get("lastSyncDurationSeconds").asDouble()).isEqualTo(1.25);
    assertThat(json.get("lastError").isNull()).isTrue();
    assertThat(json.get("syncs").asLong()).isEqualTo(3);
    assertThat(json.get("failedSyncs").asLong()).isEqualTo(1);
    JsonNode db = json.get("vms").get(1);
    assertThat(db.get("name").asText()).isEqualTo("db");
    assertThat(db.get("uid").asText()).isEqualTo("uid-db");
    assertThat(db.get("file").asText()).isEqualTo("vms/db.yaml");
    assertThat(db.get("wantRunning").asBoolean()).isTrue();
    assertThat(db.get("phase").asText()).isEqualTo("Failed");
    assertThat(db.get("error").asText()).isEqualTo("image not found");
    assertThat(json.get("vms").get(0).get("error").isNull()).isTrue();
  }

  @Test
  void statusNeverShowsAPasswordInTheRepositoryUrl() throws Exception {
    current.set(
        new DaemonStatus(
            "https://bot:s3cr3t@git.example/vms.git",
            "main",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            0,
            0,
            List.of()));

    String body = get("/status").body();

    assertThat(body).doesNotContain("s3cr3t").contains("https://bot:***@git.example/vms.git");
  }

  @Test
  void onlyGetAndHeadAndOnlyItsOwnPaths() throws Exception {
    HttpRequest post =
        HttpRequest.newBuilder(uri("/metrics")).POST(HttpRequest.BodyPublishers.noBody()).build();

    assertThat(http.send(post, BodyHandlers.ofString()).statusCode()).isEqualTo(405);
    HttpRequest head =
        HttpRequest.newBuilder(uri("/readyz"))
            .method("HEAD", HttpRequest.BodyPublishers.noBody())
            .build();
    assertThat(http.send(head, BodyHandlers.ofString()).statusCode()).isEqualTo(503);
    assertThat(get("/metricsx").statusCode()).isEqualTo(404);
    assertThat(get("/").statusCode()).isEqualTo(404);
  }

  static DaemonStatus status() {
    return new DaemonStatus(
        "ssh://git@example/vms.git",
        "main",
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        0,
        0,
        List.of());
  }

  static String scrapeText(DaemonMetrics metrics, DaemonStatus status) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, metrics.scrape(status));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static DaemonStatus synced(VmState... vms) {
    return new DaemonStatus(
        "ssh://git@example/vms.git",
        "main",
        Optional.of("0123abcd"),
        Optional.of(SYNCED),
        Optional.of(Duration.ofMillis(1250)),
        Optional.empty(),
        3,
        1,
        List.of(vms));
  }

  private static DaemonStatus failed(String error) {
    return new DaemonStatus(
        "ssh://git@example/vms.git",
        "main",
        Optional.empty(),
        Optional.of(SYNCED),
        Optional.of(Duration.ofMillis(1250)),
        Optional.of(error),
        1,
        1,
        List.of());
  }

  private static VmState vm(String name, String phase, boolean wantRunning) {
    return new VmState(
        name, "uid-" + name, "vms/" + name + ".yaml", wantRunning, phase, Optional.empty());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).build(), BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.address().getPort() + path);
  }

  private static InetSocketAddress loopback() throws IOException {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), LoopbackPorts.free());
  }
}
