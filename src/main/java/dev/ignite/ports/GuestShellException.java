package dev.ignite.ports;

/** A guest could not be reached or a command or copy in it failed; the message says why. */
public class GuestShellException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GuestShellException(String message) {
    super(message);
  }

  public GuestShellException(String message, Throwable cause) {
    super(message, cause);
  }
}
