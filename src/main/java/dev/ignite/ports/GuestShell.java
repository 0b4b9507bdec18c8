package dev.ignite.ports;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A shell inside a guest: run commands with streamed stdin/stdout/stderr and copy files in and out.
 * Every call fails with a {@link GuestShellException} that says what to do next.
 */
public interface GuestShell {

  /** Returns once the guest accepts our key, or throws when {@code timeout} runs out first. */
  default void awaitReady(SshTarget target, Duration timeout) {
    awaitReady(target, timeout, () -> true);
  }

  /**
   * As {@link #awaitReady(SshTarget, Duration)}, but gives up with a {@link GuestGoneException} as
   * soon as {@code guestAlive} says the guest is gone: a VM whose kernel panicked will never
   * answer.
   */
  void awaitReady(SshTarget target, Duration timeout, BooleanSupplier guestAlive);

  /**
   * Runs {@code argv} (each word quoted for the remote shell) and returns its exit code. {@code in}
   * may be null for no input; the streams are not closed.
   */
  int exec(
      SshTarget target,
      List<String> argv,
      InputStream in,
      OutputStream out,
      OutputStream err,
      Duration timeout);

  /** Runs {@code command} as written through the guest's shell and returns its exit code. */
  int exec(
      SshTarget target,
      String command,
      InputStream in,
      OutputStream out,
      OutputStream err,
      Duration timeout);

  /**
   * Copies a local file or directory to {@code guestPath}; when that is an existing directory the
   * copy goes inside it under the source's name, as {@code cp -r} does.
   */
  CopyMethod copyIn(SshTarget target, Path local, String guestPath, Duration timeout);

  /** Copies a guest file or directory to {@code local}, with the same rule as {@link #copyIn}. */
  CopyMethod copyOut(SshTarget target, String guestPath, Path local, Duration timeout);

  /** How a copy travelled: SFTP when the guest offers it, else tar streamed over exec. */
  enum CopyMethod {
    SFTP,
    TAR_OVER_EXEC
  }
}
