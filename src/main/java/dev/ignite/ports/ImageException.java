package dev.ignite.ports;

/** An image could not be imported, found or unpacked; the message says what to do next. */
public class ImageException extends RuntimeException {
  public ImageException(String message) {
    super(message);
  }

  public ImageException(String message, Throwable cause) {
    super(message, cause);
  }
}
