package dev.ignite.api;

import java.time.Instant;
import java.util.Map;

/**
 * Name, uid and bookkeeping of an object. {@code uid} and {@code created} are null until the store
 * assigns them; labels and annotations are never null.
 */
public record ObjectMeta(
    String name,
    Uid uid,
    Instant created,
    Map<String, String> labels,
    Map<String, String> annotations) {
  public ObjectMeta {
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  public static ObjectMeta named(String name) {
    return new ObjectMeta(name, null, null, Map.of(), Map.of());
  }

  public ObjectMeta withUid(Uid u) {
    return new ObjectMeta(name, u, created, labels, annotations);
  }

  public ObjectMeta withCreated(Instant c) {
    return new ObjectMeta(name, uid, c, labels, annotations);
  }

  public ObjectMeta withName(String n) {
    return new ObjectMeta(n, uid, created, labels, annotations);
  }

  public ObjectMeta withLabels(Map<String, String> l) {
    return new ObjectMeta(name, uid, created, l, annotations);
  }
}
