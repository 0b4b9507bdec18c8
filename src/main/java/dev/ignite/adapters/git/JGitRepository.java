package dev.ignite.adapters.git;

import dev.ignite.adapters.git.RemoteLink.Pushed;
import dev.ignite.adapters.git.RemoteLink.RemoteHead;
import dev.ignite.ports.GitCommit;
import dev.ignite.ports.GitException;
import dev.ignite.ports.GitException.Reason;
import dev.ignite.ports.GitRepository;
import dev.ignite.ports.GitRevision;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One remote branch kept as a local clone, synced by fetch and hard reset, pushed to, never forced.
 */
final class JGitRepository implements GitRepository {
  private static final Logger LOG = LoggerFactory.getLogger(JGitRepository.class);

  private final GitRemote settings;
  private final WorkDir dir;
  private final LocalClone clone;
  private final RemoteLink remote;

  /** The branch synced: as configured, else the remote's default at the last sync. */
  private Optional<String> branch;

  /** The remote head of the last sync; empty before the first or while the branch has no commit. */
  private Optional<ObjectId> head = Optional.empty();

  private boolean synced;

  JGitRepository(GitRemote settings, WorkDir dir, LocalClone clone, RemoteLink remote) {
    this.settings = settings;
    this.dir = dir;
    this.clone = clone;
    this.remote = remote;
    this.branch = settings.branch();
  }

  @Override
  public synchronized Optional<GitRevision> pull() {
    sync();
    return head.map(this::revision);
  }

  @Override
  public Path checkout() {
    return clone.checkout();
  }

  @Override
  public synchronized Optional<GitRevision> commitAndPush(ChangeSet changes) {
    if (!synced) {
      sync();
    }
    for (int attempt = 0; ; attempt++) {
      Optional<GitCommit> wanted = changes.on(clone.checkout());
      if (wanted.isEmpty()) {
        return Optional.empty();
      }
      String target = branchToPush();
      Optional<ObjectId> made = commit(wanted.get());
      if (made.isEmpty()) {
        return Optional.empty();
      }
      ObjectId expected = head.orElse(ObjectId.zeroId());
      if (remote.push(clone.repo(), target, made.get(), expected) == Pushed.OK) {
        head = made;
        checkOut(made.get());
        LOG.info("pushed {} to {} branch {}", made.get().name(), remote.url(), target);
        return made.map(this::revision);
      }
      if (attempt >= settings.pushRetries()) {
        // the checkout is still the last head fetched: the commit was never checked out
        throw new GitException(
            Reason.CONFLICT,
            "cannot push to "
                + remote.url()
                + " branch "
                + target
                + ": it moved on each of "
                + (attempt + 1)
                + " tries; the changes will be computed again at the next sync");
      }
      LOG.info(
          "{} branch {} moved while we committed; fetching and trying again", remote.url(), target);
      pause(attempt);
      sync();
    }
  }

  /** Fetch, then make the checkout the remote head; a damaged clone is cloned again once. */
  private void sync() {
    try {
      syncOnce();
    } catch (LocalDamage damage) {
      LOG.warn("the Git clone in {} is damaged, cloning again: {}", dir.root(), damage.getCause());
      try {
        clone.recreate();
      } catch (IOException e) {
        throw new GitException(Reason.INVALID, "cannot clone into " + dir.root() + ": " + e, e);
      }
      syncOnce();
    }
  }

  private void syncOnce() {
    RemoteHead fetched = remote.fetch(clone.repo(), settings.branch());
    if (settings.branch().isEmpty()
        && fetched.branch().isPresent()
        && !fetched.branch().equals(branch)) {
      LOG.info("{}: its default branch is {}", remote.url(), fetched.branch().get());
    }
    branch = settings.branch().or(fetched::branch);
    head = fetched.commit();
    synced = true;
    head.ifPresent(this::checkOut);
  }

  private void checkOut(ObjectId commit) {
    try {
      clone.checkout(commit);
      clone.repo().autoGC(NullProgressMonitor.INSTANCE);
    } catch (IOException | RuntimeException e) {
      throw new LocalDamage(e);
    }
  }

  private Optional<ObjectId> commit(GitCommit wanted) {
    PersonIdent who =
        new PersonIdent(
            settings.author().name(),
            settings.author().email(),
            Instant.now(),
            ZoneId.systemDefault());
    try {
      return TreeEdits.commit(clone.repo(), head, wanted, who);
    } catch (IOException e) {
      throw new GitException(
          Reason.INVALID, "cannot commit in " + dir.root() + ": " + Failures.messages(e), e);
    }
  }

  private String branchToPush() {
    return branch.orElseThrow(
        () ->
            new GitException(
                Reason.INVALID,
                "cannot commit to "
                    + remote.url()
                    + ": it has no commit yet, so it has no default branch; name the branch"));
  }

  private GitRevision revision(ObjectId id) {
    try (RevWalk walk = new RevWalk(clone.repo())) {
      RevCommit c = walk.parseCommit(id);
      return new GitRevision(id.name(), Instant.ofEpochSecond(c.getCommitTime()));
    } catch (IOException e) {
      throw new LocalDamage(e);
    }
  }

  /** A short, jittered wait, so two daemons pushing to one branch do not retry in step. */
  private static void pause(int attempt) {
    long millis = ThreadLocalRandom.current().nextLong(50, 250) * (attempt + 1);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitException(Reason.UNREACHABLE, "interrupted while retrying a push", e);
    }
  }

  @Override
  public synchronized void close() {
    remote.close();
    clone.close();
    dir.close();
  }

  /** The local clone failed, not the remote: cloned again. */
  private static final class LocalDamage extends RuntimeException {
    LocalDamage(Throwable cause) {
      super(cause);
    }
  }
}
