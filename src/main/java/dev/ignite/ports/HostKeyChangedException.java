package dev.ignite.ports;

/**
 * The guest offered a host key other than the one pinned for it. Retrying will not help: either the
 * VM was rebuilt (delete its known_hosts) or something else answers on its port.
 */
public class HostKeyChangedException extends GuestShellException {
  private static final long serialVersionUID = 1L;

  public HostKeyChangedException(String message, Throwable cause) {
    super(message, cause);
  }
}
