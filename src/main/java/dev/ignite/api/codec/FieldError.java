package dev.ignite.api.codec;

/**
 * One problem in a manifest, located precisely enough for an editor to jump to it: printed as
 * {@code typo.yaml:9:3: spec.memroy: unknown field}. Line and column are 1-based.
 */
public record FieldError(String file, int line, int column, String path, String message) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }
}
