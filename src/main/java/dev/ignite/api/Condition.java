package dev.ignite.api;

import java.time.Instant;
import java.util.Set;

/** A Kubernetes-style condition: {@code status} is "True", "False" or "Unknown". */
public record Condition(
    String type, String status, String reason, String message, Instant lastTransitionTime) {
  public static final Set<String> STATUSES = Set.of("True", "False", "Unknown");
}
