package dev.ignite.adapters.git;

import dev.ignite.adapters.git.RemoteUrl.Kind;
import dev.ignite.ports.GitException;
import dev.ignite.ports.GitException.Reason;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.NullProgressMonitor;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.PackLock;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;

/**
 * The network side: one remote, reached over SSH (MINA SSHD, strict known_hosts), HTTPS (a login)
 * or the local file system, each operation bounded by the timeout. Every failure leaves as a {@link
 * GitException} that says what to do next.
 */
final class RemoteLink implements AutoCloseable {
  private final RemoteUrl url;
  private final GitRemote settings;
  private final StrictKnownHosts hostKeys;
  private final Optional<SshdSessionFactory> ssh;

  RemoteLink(RemoteUrl url, GitRemote settings) {
    this.url = url;
    this.settings = settings;
    this.hostKeys = new StrictKnownHosts(settings.knownHosts());
    this.ssh =
        url.kind() == Kind.SSH
            ? Optional.of(
                SshSessions.factory(
                    settings.identityFiles(), hostKeys, Path.of(System.getProperty("user.home"))))
            : Optional.empty();
  }

  /** The remote branch's head, or the default branch's when none was named. */
  record RemoteHead(Optional<String> branch, Optional<ObjectId> commit) {}

  /**
   * Lists the remote's branches and, when its head is not here yet, fetches it on the same
   * connection; the head is then kept in {@code refs/remotes/origin/BRANCH}.
   */
  RemoteHead fetch(Repository repo, Optional<String> branch) {
    checkIdentity();
    try (Transport transport = open(repo);
        FetchConnection connection = transport.openFetch()) {
      Map<String, Ref> refs = connection.getRefsMap();
      Optional<String> name = branch.or(() -> DefaultBranch.of(refs));
      Ref head = name.map(b -> refs.get(Constants.R_HEADS + b)).orElse(null);
      if (head == null || head.getObjectId() == null) {
        return new RemoteHead(name, Optional.empty());
      }
      ObjectId id = head.getObjectId();
      if (!repo.getObjectDatabase().has(id)) {
        connection.fetch(NullProgressMonitor.INSTANCE, List.of(head), Set.of());
        for (PackLock lock : connection.getPackLocks()) {
          lock.unlock();
        }
      }
      track(repo, name.get(), id);
      return new RemoteHead(name, Optional.of(id));
    } catch (TransportException e) {
      throw failure("fetch from", e);
    } catch (IOException e) {
      throw new GitException(
          Reason.UNREACHABLE, "cannot fetch from " + url + ": " + Failures.messages(e), e);
    }
  }

  /** What became of a push. */
  enum Pushed {
    OK,
    /** The branch is no longer where we started: fetch and try again. */
    MOVED
  }

  /**
   * Pushes {@code commit} to the branch if the branch is still at {@code expected} (zero: absent);
   * never forced.
   */
  Pushed push(Repository repo, String branch, ObjectId commit, ObjectId expected) {
    checkIdentity();
    String ref = Constants.R_HEADS + branch;
    try (Transport transport = open(repo)) {
      RemoteRefUpdate update =
          new RemoteRefUpdate(repo, commit.name(), commit, ref, false, null, expected);
      PushResult result = transport.push(NullProgressMonitor.INSTANCE, List.of(update));
      RemoteRefUpdate done = result.getRemoteUpdate(ref);
      switch (done.getStatus()) {
        case OK, UP_TO_DATE -> {
          track(repo, branch, commit);
          return Pushed.OK;
        }
        case REJECTED_NONFASTFORWARD, REJECTED_REMOTE_CHANGED -> {
          return Pushed.MOVED;
        }
        default ->
            throw new GitException(
                Reason.REFUSED,
                "cannot push to "
                    + url
                    + " branch "
                    + branch
                    + ": "
                    + done.getStatus()
                    + (done.getMessage() == null ? "" : " (" + done.getMessage() + ")"));
      }
    } catch (TransportException e) {
      throw failure("push to", e);
    } catch (IOException e) {
      throw new GitException(
          Reason.UNREACHABLE, "cannot push to " + url + ": " + Failures.messages(e), e);
    }
  }

  RemoteUrl url() {
    return url;
  }

  private Transport open(Repository repo) throws IOException {
    Transport transport = Transport.open(repo, url.uri());
    transport.setTimeout((int) Math.max(1, settings.timeout().toSeconds()));
    credentials().ifPresent(transport::setCredentialsProvider);
    if (transport instanceof SshTransport sshTransport) {
      // also when GIT_SSH is set: JGit would run that program instead
      sshTransport.setSshSessionFactory(
          ssh.orElseThrow(() -> new IOException("no SSH set up for " + url)));
    }
    return transport;
  }

  Optional<CredentialsProvider> credentials() {
    if (url.kind() != Kind.HTTPS) {
      return Optional.empty();
    }
    return settings
        .https()
        .map(login -> new UsernamePasswordCredentialsProvider(login.username(), login.password()));
  }

  private void checkIdentity() {
    if (url.kind() == Kind.SSH && SshSessions.existing(settings.identityFiles()).isEmpty()) {
      throw new GitException(
          Reason.REFUSED,
          "cannot reach "
              + url
              + ": no SSH identity file, none of "
              + settings.identityFiles()
              + " exists");
    }
  }

  private static void track(Repository repo, String branch, ObjectId id) throws IOException {
    RefUpdate update = repo.updateRef(Constants.R_REMOTES + "origin/" + branch);
    update.setNewObjectId(id);
    update.forceUpdate();
  }

  private GitException failure(String doing, TransportException e) {
    return Failures.of(doing, url, e, hostKeys.takeRefusal());
  }

  @Override
  public void close() {
    ssh.ifPresent(SshdSessionFactory::close);
  }
}
