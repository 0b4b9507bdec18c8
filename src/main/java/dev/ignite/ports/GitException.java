package dev.ignite.ports;

/** A Git operation failed; {@link #reason} says whether trying again later can help. */
public final class GitException extends RuntimeException {
  /** What should happen next. */
  public enum Reason {
    /** The remote could not be reached or timed out: retry with backoff. */
    UNREACHABLE,
    /** Authentication or host key refused: needs a human (fix the key or known_hosts). */
    REFUSED,
    /** The push stayed rejected after fetching and retrying: retry at the next sync. */
    CONFLICT,
    /** The repository or branch is not what was asked for (no such branch, bad URL). */
    INVALID
  }

  private final Reason reason;

  public GitException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public GitException(Reason reason, String message) {
    this(reason, message, null);
  }

  public Reason reason() {
    return reason;
  }
}
