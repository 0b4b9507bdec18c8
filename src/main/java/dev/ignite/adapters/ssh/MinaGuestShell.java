package dev.ignite.adapters.ssh;

import dev.ignite.ports.GuestShell;
import dev.ignite.ports.GuestShellException;
import dev.ignite.ports.HostKeyChangedException;
import dev.ignite.ports.SshTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Exec and copy over Apache MINA SSHD, with SFTP when the guest offers it and tar when not. */
final class MinaGuestShell implements GuestShell {
  private static final Logger LOG = LoggerFactory.getLogger(MinaGuestShell.class);
  private static final Duration RETRY_PAUSE = Duration.ofMillis(200);
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);

  /**
   * Polls the forwarded port for the server's banner (cheap, no client), then logs in once: the
   * same key exchange and authentication every later exec does, so "ready" means usable.
   */
  @Override
  public void awaitReady(SshTarget target, Duration timeout, BooleanSupplier guestAlive) {
    GuestConnection.checkIdentity(target);
    long deadline = System.nanoTime() + timeout.toNanos();
    GuestShellException last = null;
    while (ReadinessProbes.awaitBanner(target, deadline, guestAlive)) {
      Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
      try (GuestConnection ignored = GuestConnection.open(target, min(left, ATTEMPT_TIMEOUT))) {
        return;
      } catch (HostKeyChangedException e) {
        throw e; // waiting will not change the key back
      } catch (GuestShellException e) {
        LOG.debug("SSH banner on {} but no login yet: {}", target, e.getMessage());
        last = e;
      }
      sleep(RETRY_PAUSE);
    }
    throw new GuestShellException(
        "SSH on "
            + target
            + " did not answer within "
            + timeout
            + (last == null ? ": no SSH banner arrived" : ": " + last.getMessage()),
        last);
  }

  @Override
  public int exec(
      SshTarget target,
      List<String> argv,
      InputStream in,
      OutputStream out,
      OutputStream err,
      Duration timeout) {
    return exec(target, ShellWords.join(argv), in, out, err, timeout);
  }

  @Override
  public int exec(
      SshTarget target,
      String command,
      InputStream in,
      OutputStream out,
      OutputStream err,
      Duration timeout) {
    try (GuestConnection c = GuestConnection.open(target, timeout)) {
      return RemoteCommand.run(c.session(), command, in, out, err, timeout);
    }
  }

  @Override
  public CopyMethod copyIn(SshTarget target, Path local, String guestPath, Duration timeout) {
    if (!Files.exists(local, LinkOption.NOFOLLOW_LINKS)) {
      throw new GuestShellException("cannot copy " + local + ": it does not exist");
    }
    Path named = local.toAbsolutePath().normalize();
    if (named.getFileName() == null) {
      throw new GuestShellException("cannot copy " + local + ": name a folder below /");
    }
    String name = named.getFileName().toString();
    try (GuestConnection c = GuestConnection.open(target, timeout);
        Transfer transfer = transferFor(c, timeout)) {
      // the item named is followed if it is a link, as on the guest side; links below it are not
      transfer.copyIn(local.toRealPath(), name, guestPath);
      return transfer.method();
    } catch (IOException e) {
      throw new GuestShellException(
          "cannot copy " + local + " to " + target + ":" + guestPath + ": " + e.getMessage(), e);
    }
  }

  @Override
  public CopyMethod copyOut(SshTarget target, String guestPath, Path local, Duration timeout) {
    try (GuestConnection c = GuestConnection.open(target, timeout);
        Transfer transfer = transferFor(c, timeout)) {
      receive(local, guestPath, transfer);
      return transfer.method();
    } catch (IOException e) {
      throw new GuestShellException(
          "cannot copy " + target + ":" + guestPath + " to " + local + ": " + e.getMessage(), e);
    }
  }

  /** An existing local folder receives the copy inside it, under the guest item's name. */
  private static void receive(Path local, String guestPath, Transfer transfer) throws IOException {
    Path destination = Files.isDirectory(local) ? local.resolve(GuestPaths.name(guestPath)) : local;
    try (LocalTree tree = new LocalTree(destination)) {
      transfer.copyOut(guestPath, tree);
      tree.finish();
    }
  }

  /**
   * A guest without an SFTP server refuses the subsystem or closes the channel at once; either way
   * the session stays usable for the tar fallback.
   */
  private static Transfer transferFor(GuestConnection c, Duration timeout) {
    try {
      return new SftpTransfer(SftpClientFactory.instance().createSftpClient(c.session()));
    } catch (IOException | RuntimeException e) {
      LOG.debug("guest offers no SFTP ({}); copying with tar over exec", e.toString());
      return new TarTransfer(c.session(), timeout);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GuestShellException("interrupted while waiting for SSH", e);
    }
  }
}
