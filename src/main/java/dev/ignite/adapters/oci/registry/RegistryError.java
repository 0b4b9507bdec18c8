package dev.ignite.adapters.oci.registry;

/** A registry (or its token server) answered with an HTTP error status. */
public final class RegistryError extends RuntimeException {
  private final int status;

  RegistryError(int status, String message) {
    super(message);
    this.status = status;
  }

  public int status() {
    return status;
  }

  /** Worth another try: the server is overloaded or failing, not refusing. */
  boolean isTransient() {
    return status >= 500 || status == 429;
  }
}
