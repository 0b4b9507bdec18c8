package dev.ignite.api.codec;

import java.util.List;

/**
 * The result of reading one file: the objects of our API group, every error found (all at once),
 * and the documents that were recognised as other kinds (a Kubernetes Deployment) and skipped.
 */
public record Decoded(List<DecodedObject> objects, List<FieldError> errors, List<Skipped> skipped) {
  public Decoded {
    objects = List.copyOf(objects);
    errors = List.copyOf(errors);
    skipped = List.copyOf(skipped);
  }

  /** A document that is not ours: its apiVersion and kind as written, and where it starts. */
  public record Skipped(int documentIndex, String apiVersion, String kind, int line) {}

  public boolean ok() {
    return errors.isEmpty();
  }

  /** The objects, or a ManifestException carrying every error. */
  public List<DecodedObject> orThrow() {
    if (!errors.isEmpty()) {
      throw new ManifestException(errors);
    }
    return objects;
  }
}
