package dev.ignite.ports;

/** The guest stopped (its VM process exited) while we were waiting for it to answer. */
public class GuestGoneException extends GuestShellException {
  private static final long serialVersionUID = 1L;

  public GuestGoneException(String message) {
    super(message);
  }
}
