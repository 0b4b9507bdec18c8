package dev.ignite.core;

/** A VM, image or kernel operation failed; the message says what and what to do next. */
public final class LifecycleException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LifecycleException(String message) {
    super(message);
  }

  public LifecycleException(String message, Throwable cause) {
    super(message, cause);
  }
}
