package dev.ignite.adapters.git;

import dev.ignite.ports.GitException;
import dev.ignite.ports.GitException.Reason;
import dev.ignite.ports.GitRepository;
import java.io.IOException;

/** The Git adapter's entry point: JGit, with MINA SSHD for SSH remotes. */
public final class Git {
  private Git() {}

  /**
   * Opens the remote's local clone in {@link GitRemote#workDir()} (made 0700 and locked while open;
   * reused from an earlier run, cloned again when damaged). Checks the URL's form; the network is
   * first used by {@link GitRepository#pull()}.
   *
   * @throws GitException INVALID when the URL is not usable or the work dir is in use
   */
  public static GitRepository open(GitRemote remote) {
    RemoteUrl url = RemoteUrl.parse(remote.url());
    WorkDir dir = WorkDir.lock(remote.workDir());
    try {
      LocalClone clone = LocalClone.open(dir);
      return new JGitRepository(remote, dir, clone, new RemoteLink(url, remote));
    } catch (IOException | RuntimeException e) {
      dir.close();
      if (e instanceof GitException g) {
        throw g;
      }
      throw new GitException(
          Reason.INVALID, "cannot open the Git clone in " + remote.workDir() + ": " + e, e);
    }
  }
}
