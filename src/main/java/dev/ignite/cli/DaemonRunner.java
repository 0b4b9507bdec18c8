package dev.ignite.cli;

import dev.ignite.adapters.store.FileLocalChanges;
import dev.ignite.core.VmService;
import dev.ignite.core.reconcile.LifecycleVmActions;
import dev.ignite.core.reconcile.Planner;
import dev.ignite.core.reconcile.Reconciler;
import dev.ignite.core.reconcile.RestartBackoff;
import dev.ignite.gitops.GitopsDaemon;
import dev.ignite.gitops.HostPathPolicy;
import dev.ignite.gitops.ManifestFiles;
import dev.ignite.gitops.ManifestReader;
import dev.ignite.gitops.Sync;
import dev.ignite.gitops.SyncReport;
import dev.ignite.gitops.SyncSettings;
import dev.ignite.gitops.http.DaemonMetrics;
import dev.ignite.gitops.http.ListenAddress;
import dev.ignite.gitops.http.MetricsServer;
import dev.ignite.gitops.http.WebhookReceiver;
import dev.ignite.ports.GitRepository;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Wires one daemon (Git or a local folder) and runs it until stopped, or once. */
final class DaemonRunner {
  static final String WEBHOOK_SECRET_VARIABLE = "IGNITED_WEBHOOK_SECRET";

  private final Wiring wiring;
  private final DaemonFlags flags;
  private final Map<String, String> env;

  DaemonRunner(Wiring wiring, DaemonFlags flags, Map<String, String> env) {
    this.wiring = wiring;
    this.flags = flags;
    this.env = env;
  }

  void run(
      GitRepository repository, String name, String branch, List<String> paths, boolean readOnly) {
    var store = wiring.store();
    VmService vms = wiring.vms();
    var lifecycle = wiring.lifecycle(flags.insecureRegistries);
    var changes = new FileLocalChanges(wiring.stateDir());
    changes.declareDaemon(name, readOnly);
    Clock clock = Clock.systemUTC();
    ExecutorService workers = Executors.newFixedThreadPool(Math.max(1, flags.workers));
    LifecycleVmActions actions =
        new LifecycleVmActions(store, vms, lifecycle, Duration.ofSeconds(30), changes);
    Reconciler reconciler =
        new Reconciler(
            actions,
            new Planner(name, vms::completeSpec),
            name,
            new RestartBackoff(clock),
            workers);
    Sync sync =
        new Sync(
            repository,
            new ManifestReader(new ManifestFiles(paths)),
            new HostPathPolicy(flags.allowHostPaths),
            reconciler,
            actions,
            changes,
            new SyncSettings(name, HostName.get(), readOnly),
            clock);
    DaemonMetrics metrics = new DaemonMetrics(clock);
    GitopsDaemon daemon =
        new GitopsDaemon(
            sync, flags.interval, name, branch, r -> metrics.syncFinished(r.took(), r.ok()));
    List<AutoCloseable> servers = new ArrayList<>();
    try {
      startServers(daemon, metrics, servers);
      if (flags.once) {
        SyncReport report = daemon.syncOnce();
        if (!report.ok()) {
          throw new CliException(report.error().orElse("the sync failed"));
        }
        return;
      }
      Runtime.getRuntime().addShutdownHook(new Thread(daemon::close, "ignited-shutdown"));
      daemon.run();
    } finally {
      servers.forEach(DaemonRunner::closeQuietly);
      workers.shutdown();
    }
  }

  private void startServers(GitopsDaemon daemon, DaemonMetrics metrics, List<AutoCloseable> out) {
    try {
      if (flags.webhookListen != null) {
        Optional<String> secret =
            Optional.ofNullable(flags.webhookSecret)
                .or(() -> Optional.ofNullable(env.get(WEBHOOK_SECRET_VARIABLE)));
        WebhookReceiver hook =
            new WebhookReceiver(
                ListenAddress.parse(flags.webhookListen), secret, daemon::trigger, metrics);
        hook.start();
        out.add(hook);
      }
      if (flags.metricsListen != null) {
        MetricsServer server =
            new MetricsServer(ListenAddress.parse(flags.metricsListen), daemon::status, metrics);
        server.start();
        out.add(server);
      }
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage() + " (give --webhook-secret or IGNITED_WEBHOOK_SECRET)");
    } catch (IOException e) {
      throw new CliException(e.getMessage());
    }
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception e) {
      // closing a listener at exit: nothing left to do about it
    }
  }
}
