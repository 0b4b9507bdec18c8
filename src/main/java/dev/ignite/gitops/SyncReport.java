package dev.ignite.gitops;

import dev.ignite.gitops.DaemonStatus.VmState;
import dev.ignite.ports.GitRevision;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one sync saw and did.
 *
 * @param revision the head that was applied; empty while the repository has no commit
 * @param pushed the status commit, when one was made
 * @param error what stopped the sync as a whole (an unreachable remote), if anything
 */
public record SyncReport(
    Instant started,
    Duration took,
    Optional<GitRevision> revision,
    Optional<GitRevision> pushed,
    List<VmState> vms,
    List<String> problems,
    int actions,
    Optional<String> error) {
  public SyncReport {
    vms = List.copyOf(vms);
    problems = List.copyOf(problems);
  }

  public boolean ok() {
    return error.isEmpty();
  }
}
