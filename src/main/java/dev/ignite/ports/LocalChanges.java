package dev.ignite.ports;

import dev.ignite.api.Uid;
import java.time.Instant;
import java.util.List;

/**
 * What users did by hand to VMs that a repository manages ({@code ignite stop}, {@code start},
 * {@code rm}), kept until the daemon has committed it to the VM's file.
 */
public interface LocalChanges {
  /** What the command did to the VM, as the file should say it. */
  enum Kind {
    STOPPED,
    STARTED,
    REMOVED
  }

  /** One command run by hand on a managed VM. */
  record Change(
      String id,
      String repository,
      String file,
      String vmName,
      Uid uid,
      Kind kind,
      String command,
      String host,
      Instant at) {}

  void record(Change change);

  /** Said by the daemon at its start: whether it writes to {@code repository} at all. */
  void declareDaemon(String repository, boolean readOnly);

  /** Whether the daemon for {@code repository} runs read-only, so Git's state will be restored. */
  boolean readOnly(String repository);

  /** The changes not yet committed for {@code repository}, oldest first. */
  List<Change> pending(String repository);

  /** Forgets changes once they are in Git. */
  void done(List<Change> changes);
}
