package dev.ignite.ports;

/** A reference (name or uid prefix) that names no object, or several. */
public final class LookupException extends RuntimeException {
  public LookupException(String message) {
    super(message);
  }
}
