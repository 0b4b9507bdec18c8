package dev.ignite.gitops;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the daemon knows of itself and its VMs after its last sync: served as JSON on {@code
 * /status} and as Prometheus metrics.
 */
public record DaemonStatus(
    String repository,
    String branch,
    Optional<String> revision,
    Optional<Instant> lastSyncStart,
    Optional<Duration> lastSyncDuration,
    Optional<String> lastError,
    long syncs,
    long failedSyncs,
    List<VmState> vms) {
  public DaemonStatus {
    vms = List.copyOf(vms);
  }

  /** Ready once a sync has completed without a repository-wide error. */
  public boolean ready() {
    return lastSyncStart.isPresent() && lastError.isEmpty();
  }

  /**
   * One managed VM: {@code phase} is what the host observed (Running, Stopped, Creating,
   * Failed...), {@code error} the last error acting on it.
   */
  public record VmState(
      String name,
      String uid,
      String file,
      boolean wantRunning,
      String phase,
      Optional<String> error) {}
}
