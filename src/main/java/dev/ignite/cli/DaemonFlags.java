package dev.ignite.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Flags shared by {@code ignited gitops} and {@code ignited daemon}. */
final class DaemonFlags {
  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Time between syncs (default: ${DEFAULT-VALUE})",
      defaultValue = "30s")
  Duration interval;

  @Option(
      names = "--webhook-listen",
      paramLabel = "ADDR",
      description =
          "Sync at once when a push notification arrives here (HOST:PORT or :PORT; POST /webhook)")
  String webhookListen;

  @Option(
      names = "--webhook-secret",
      paramLabel = "SECRET",
      description =
          "Shared secret of the webhook: GitHub X-Hub-Signature-256, GitLab X-Gitlab-Token or"
              + " Authorization: Bearer (better: IGNITED_WEBHOOK_SECRET, not visible in ps)")
  String webhookSecret;

  @Option(
      names = "--metrics-listen",
      paramLabel = "ADDR",
      description = "Serve /metrics (Prometheus), /healthz, /readyz and /status (JSON) here")
  String metricsListen;

  @Option(
      names = "--allow-host-path",
      paramLabel = "DIR",
      description =
          "A host folder that VM files may name in copyFiles, volumes, ssh keys and local"
              + " images or kernels (repeatable; default: none, copyFiles only from the"
              + " repository)")
  List<Path> allowHostPaths = new ArrayList<>();

  @Option(
      names = "--insecure-registry",
      paramLabel = "HOST:PORT",
      description =
          "Speak plain HTTP to this registry (repeatable; also Configuration insecureRegistries)")
  List<String> insecureRegistries = new ArrayList<>();

  @Option(
      names = "--workers",
      paramLabel = "N",
      description = "VMs worked on at once (default: ${DEFAULT-VALUE})",
      defaultValue = "4")
  int workers;

  @Option(names = "--once", description = "Sync once and exit (non-zero if the sync failed)")
  boolean once;
}
