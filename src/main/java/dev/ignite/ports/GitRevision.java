package dev.ignite.ports;

import java.time.Instant;

/** A commit on the synced branch: its full id and its commit time. */
public record GitRevision(String id, Instant time) {
  public String shortId() {
    return id.length() > 12 ? id.substring(0, 12) : id;
  }
}
