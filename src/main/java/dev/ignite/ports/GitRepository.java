package dev.ignite.ports;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One branch of a remote Git repository, kept as a local checkout: what the daemon reads the
 * desired state from, and where it commits what the host observed.
 */
public interface GitRepository extends AutoCloseable {

  /**
   * Fetches the branch and makes the checkout exactly its head (local edits are discarded: the
   * remote is the truth). Empty while the remote has no commit on the branch yet.
   *
   * @throws GitException when the remote cannot be reached, refuses us, or its host key is unknown
   */
  Optional<GitRevision> pull();

  /** The folder with the files of the last {@link #pull}; empty folder before the first one. */
  Path checkout();

  /**
   * Commits what {@code changes} computes on the checkout and pushes it. When the push is refused
   * because the branch moved meanwhile, the new head is fetched and checked out, {@code changes} is
   * asked again on it (never merged), and the push is retried a bounded number of times. Never
   * force-pushes. Empty when {@code changes} found nothing to commit.
   *
   * @throws GitException when the push still fails after the retries, or cannot be made at all
   */
  Optional<GitRevision> commitAndPush(ChangeSet changes);

  @Override
  void close();

  /** Computes a commit against the files in a checkout; empty when there is nothing to change. */
  @FunctionalInterface
  interface ChangeSet {
    Optional<GitCommit> on(Path checkout);
  }
}
