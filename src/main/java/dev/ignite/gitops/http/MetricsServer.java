package dev.ignite.gitops.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.ignite.gitops.DaemonStatus;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the daemon shows of itself over HTTP: {@code /metrics} (Prometheus text, or OpenMetrics when
 * the scraper asks for it), {@code /healthz} (200 while the process serves), {@code /readyz} (200
 * once a sync has completed without error, else 503 and why) and {@code /status} (JSON). Every
 * answer is made from the latest {@link DaemonStatus}, which {@code status} must hand out without
 * waiting for the loop.
 */
public final class MetricsServer implements AutoCloseable {
  static final List<String> PATHS = List.of("/metrics", "/healthz", "/readyz", "/status");

  private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

  private final InetSocketAddress address;
  private final Supplier<DaemonStatus> status;
  private final DaemonMetrics metrics;
  private final ExpositionFormats formats = ExpositionFormats.init();
  private Listener listener;

  public MetricsServer(
      InetSocketAddress address, Supplier<DaemonStatus> status, DaemonMetrics metrics) {
    this.address = Objects.requireNonNull(address);
    this.status = Objects.requireNonNull(status);
    this.metrics = Objects.requireNonNull(metrics);
  }

  /** Starts listening (or joins the webhook on the same address). */
  public synchronized void start() throws IOException {
    if (listener == null) {
      listener = Listener.acquire(address);
      serve("/metrics", this::metrics);
      serve("/healthz", exchange -> Replies.text(exchange, 200, "ok\n"));
      serve("/readyz", this::readiness);
      serve("/status", this::status);
      LOG.info(
          "metrics and status on http://{} ({})",
          Listener.show(listener.address()),
          String.join(", ", PATHS));
    }
  }

  /** The address listened on, with the port the system chose for port 0; after {@link #start}. */
  public synchronized InetSocketAddress address() {
    if (listener == null) {
      throw new IllegalStateException("the metrics server is not started");
    }
    return listener.address();
  }

  @Override
  public synchronized void close() {
    if (listener != null) {
      listener.release(PATHS);
      listener = null;
    }
  }

  private void serve(String path, HttpHandler handler) {
    listener.serve(
        path,
        exchange -> {
          if (!exchange.getRequestURI().getPath().equals(path)) {
            Replies.text(exchange, 404, "not found\n");
          } else if (!exchange.getRequestMethod().equals("GET")
              && !exchange.getRequestMethod().equals("HEAD")) {
            Replies.methodNotAllowed(exchange, "GET, HEAD");
          } else {
            handler.handle(exchange);
          }
        });
  }

  private void metrics(HttpExchange exchange) throws IOException {
    ExpositionFormatWriter writer =
        formats.findWriter(exchange.getRequestHeaders().getFirst("Accept"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(out, metrics.scrape(status.get()));
    Replies.send(exchange, 200, writer.getContentType(), out.toByteArray());
  }

  private void readiness(HttpExchange exchange) throws IOException {
    DaemonStatus now = status.get();
    if (now.ready()) {
      Replies.text(exchange, 200, "ready\n");
    } else if (now.lastSyncStart().isEmpty()) {
      Replies.text(exchange, 503, "not ready: no sync has completed yet\n");
    } else {
      String error = now.lastError().orElse("unknown error");
      Replies.text(exchange, 503, "not ready: the last sync failed: " + error + "\n");
    }
  }

  private void status(HttpExchange exchange) throws IOException {
    byte[] json = StatusJson.write(status.get());
    Replies.send(exchange, 200, "application/json", json);
  }
}
