package dev.ignite.adapters.ssh;

import dev.ignite.ports.GuestShell.CopyMethod;
import dev.ignite.ports.GuestShellException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/**
 * Copies through the guest's own tar (busybox's is enough) when it offers no SFTP: a tar stream is
 * written to {@code tar -x} or read from {@code tar -c} over an exec channel.
 */
final class TarTransfer implements Transfer {
  private final ClientSession session;
  private final Duration timeout;

  TarTransfer(ClientSession session, Duration timeout) {
    this.session = session;
    this.timeout = timeout;
  }

  @Override
  public CopyMethod method() {
    return CopyMethod.TAR_OVER_EXEC;
  }

  @Override
  public void close() {
    // each copy runs on its own exec channel, already closed
  }

  @Override
  public void copyIn(Path local, String name, String guestPath) throws IOException {
    String target = GuestPaths.clean(guestPath);
    if (isDirectory(target)) {
      target = GuestPaths.child(target, name);
    }
    String command =
        ShellWords.join(List.of("tar", "-C", GuestPaths.parent(target), "-x", "-f", "-"));
    String entryName = GuestPaths.name(target);
    run(command, stdin -> LocalTar.write(local, entryName, stdin), null);
  }

  @Override
  public void copyOut(String guestPath, LocalTree tree) throws IOException {
    String source = followed(GuestPaths.clean(guestPath));
    String command =
        ShellWords.join(
            List.of(
                "tar", "-C", GuestPaths.parent(source), "-c", "-f", "-", GuestPaths.name(source)));
    run(command, null, stdout -> extract(stdout, tree));
  }

  /** As over SFTP, the item asked for is followed if it is a link; tar alone would not. */
  private String followed(String guestPath) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String command = ShellWords.join(List.of("readlink", "-f", guestPath));
    int code = RemoteCommand.run(session, command, null, out, null, timeout);
    String resolved = out.toString(StandardCharsets.UTF_8);
    if (resolved.endsWith("\n")) {
      resolved = resolved.substring(0, resolved.length() - 1);
    }
    return code == 0 && resolved.startsWith("/") ? resolved : guestPath;
  }

  boolean isDirectory(String guestPath) {
    String command = ShellWords.join(List.of("test", "-d", guestPath));
    return RemoteCommand.run(session, command, null, null, null, timeout) == 0;
  }

  static void extract(InputStream stdout, LocalTree tree) throws IOException {
    TarArchiveInputStream tar = new TarArchiveInputStream(stdout);
    for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
      String relative = withoutFirstPart(e.getName());
      var mode = GuestPaths.permissions(e.getMode());
      if (e.isDirectory()) {
        tree.directory(relative, mode);
      } else if (e.isSymbolicLink()) {
        tree.symlink(relative, e.getLinkName());
      } else if (e.isLink()) {
        tree.hardLink(relative, withoutFirstPart(e.getLinkName()));
      } else if (e.isFile()) {
        tree.file(relative, tar, mode);
      }
    }
    // the end-of-archive padding must be read too, or the guest's tar may wait to write it
    stdout.transferTo(OutputStream.nullOutputStream());
  }

  /** Entries are named from the copied item itself ("name/sub/file"); the copy is renamed. */
  private static String withoutFirstPart(String entryName) {
    String n = entryName.startsWith("./") ? entryName.substring(2) : entryName;
    int slash = n.indexOf('/');
    return slash < 0 ? "" : n.substring(slash + 1);
  }

  private void run(String command, Feed feed, Drain drain) throws IOException {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (ChannelExec channel = session.createExecChannel(command)) {
      channel.setErr(err);
      if (drain == null) {
        channel.setOut(OutputStream.nullOutputStream());
      }
      if (feed == null) {
        channel.setIn(InputStream.nullInputStream());
      }
      channel.open().verify(timeout);
      IOException streamFailure = null;
      try {
        pump(channel, feed, drain);
      } catch (IOException e) {
        // the guest's tar may have quit early; its exit status and stderr tell why
        streamFailure = e;
        channel.close(false);
      }
      var events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
      Integer status = channel.getExitStatus();
      if (events.contains(ClientChannelEvent.TIMEOUT)) {
        throw new GuestShellException("`" + command + "` did not finish within " + timeout);
      }
      if (status != null && status != 0) {
        throw new GuestShellException(
            "`" + command + "` in the guest failed (exit " + status + "): " + text(err),
            streamFailure);
      }
      if (streamFailure != null) {
        throw streamFailure;
      }
    }
  }

  private static void pump(ChannelExec channel, Feed feed, Drain drain) throws IOException {
    if (feed != null) {
      try (OutputStream stdin = channel.getInvertedIn()) {
        feed.write(stdin);
      }
    }
    if (drain != null) {
      drain.read(channel.getInvertedOut());
    }
  }

  private static String text(ByteArrayOutputStream err) {
    return err.toString(StandardCharsets.UTF_8).trim();
  }

  private interface Feed {
    void write(OutputStream stdin) throws IOException;
  }

  private interface Drain {
    void read(InputStream stdout) throws IOException;
  }
}
