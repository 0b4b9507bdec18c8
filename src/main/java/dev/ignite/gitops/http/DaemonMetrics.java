package dev.ignite.gitops.http;

import dev.ignite.gitops.DaemonStatus;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The daemon's Prometheus metrics. The loop reports what happened ({@link #syncFinished}, {@link
 * #pushRetried}); the webhook reports each request. What the VMs are doing is not reported but read
 * from the {@link DaemonStatus} at each scrape, so a removed VM's series go with it.
 */
public final class DaemonMetrics {
  static final String PREFIX = "ignite_gitops_";

  private final Clock clock;
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter syncs =
      counter("syncs", "Syncs run (fetch, reconcile, write back), failed or not");
  private final Counter failedSyncs = counter("sync_failures", "Syncs that ended in an error");
  private final Counter pushRetries =
      counter("push_retries", "Status pushes retried after someone else pushed first");
  private final Gauge lastDuration =
      gauge("last_sync_duration_seconds", "How long the last sync took");
  private final Gauge lastSync =
      gauge("last_sync_timestamp_seconds", "When the last sync ended (Unix time)");
  private final Gauge lastSuccess =
      gauge(
          "last_successful_sync_timestamp_seconds",
          "When the last sync without an error ended (Unix time)");
  private final Histogram durations =
      Histogram.builder()
          .name(PREFIX + "sync_duration_seconds")
          .help("How long syncs take")
          .unit(Unit.SECONDS)
          .classicOnly()
          .classicUpperBounds(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600)
          .register(registry);
  private final Counter webhooks =
      Counter.builder()
          .name(PREFIX + "webhook_requests")
          .help("Webhook requests by what became of them")
          .labelNames("result")
          .register(registry);

  public DaemonMetrics() {
    this(Clock.systemUTC());
  }

  /** {@code clock} dates the last sync. */
  public DaemonMetrics(Clock clock) {
    this.clock = clock;
    for (WebhookResult result : WebhookResult.values()) {
      webhooks.initLabelValues(result.label());
    }
  }

  /** One sync ended after {@code took}; {@code ok} false when it ended in an error. */
  public void syncFinished(Duration took, boolean ok) {
    double seconds = took.toNanos() / 1e9;
    double now = clock.millis() / 1e3;
    syncs.inc();
    durations.observe(seconds);
    lastDuration.set(seconds);
    lastSync.set(now);
    if (ok) {
      lastSuccess.set(now);
    } else {
      failedSyncs.inc();
    }
  }

  /** A status push was rejected because the remote moved, and is being tried again. */
  public void pushRetried() {
    pushRetries.inc();
  }

  /** One webhook request ended as {@code result}. */
  public void webhook(WebhookResult result) {
    webhooks.labelValues(result.label()).inc();
  }

  /** Everything counted so far, and the VMs as {@code status} has them. */
  MetricSnapshots scrape(DaemonStatus status) {
    List<MetricSnapshot> all = new ArrayList<>();
    registry.scrape().forEach(all::add);
    all.addAll(VmGauges.of(status));
    return new MetricSnapshots(all);
  }

  private Counter counter(String name, String help) {
    return Counter.builder().name(PREFIX + name).help(help).register(registry);
  }

  private Gauge gauge(String name, String help) {
    return Gauge.builder().name(PREFIX + name).help(help).register(registry);
  }
}
