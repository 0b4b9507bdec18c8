package dev.ignite.api.codec;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a manifest has errors; carries all of them, one per line in the message. */
public final class ManifestException extends RuntimeException {
  private final transient List<FieldError> errors;

  public ManifestException(List<FieldError> errors) {
    super(errors.stream().map(FieldError::toString).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
