package dev.ignite.adapters.oci;

/** A registry (or its token server) answered with an HTTP error status. */
final class RegistryError extends RuntimeException {
  private final int status;

  RegistryError(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }

  /** Worth another try: the server is overloaded or failing, not refusing. */
  boolean isTransient() {
    return status >= 500 || status == 429;
  }
}
