package dev.ignite.adapters.ssh;

import dev.ignite.ports.GuestShellException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/**
 * Runs one command in a guest. MINA pumps stdin on its own thread and writes stdout and stderr as
 * they arrive, so a command that reads and writes a lot at once never deadlocks on a full pipe.
 */
final class RemoteCommand {
  /** What ssh(1) reports when the remote command ended without an exit status (killed). */
  static final int NO_EXIT_STATUS = 255;

  private RemoteCommand() {}

  static int run(
      ClientSession session,
      String command,
      InputStream in,
      OutputStream out,
      OutputStream err,
      Duration timeout) {
    try (ChannelExec channel = session.createExecChannel(command)) {
      // without input the remote side must still see EOF, or `cat` would wait forever
      channel.setIn(in != null ? in : InputStream.nullInputStream());
      channel.setOut(new UnclosedStream(out));
      channel.setErr(new UnclosedStream(err));
      channel.open().verify(timeout);
      Set<ClientChannelEvent> events =
          channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
      if (events.contains(ClientChannelEvent.TIMEOUT)) {
        throw new GuestShellException(
            "`" + command + "` did not finish within " + timeout + "; it was abandoned");
      }
      Integer status = channel.getExitStatus();
      return status != null ? status : NO_EXIT_STATUS;
    } catch (IOException e) {
      throw new GuestShellException("cannot run `" + command + "`: " + e.getMessage(), e);
    }
  }

  /** The caller owns its streams (often System.out); MINA closes what it is given. */
  private static final class UnclosedStream extends java.io.FilterOutputStream {
    UnclosedStream(OutputStream target) {
      super(target != null ? target : OutputStream.nullOutputStream());
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }
}
