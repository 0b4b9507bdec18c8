package dev.ignite.ports;

/** The state store could not be read or written; the message names the path and the cause. */
public final class StoreException extends RuntimeException {
  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
