package dev.ignite.api;

import java.util.List;

/** Where an image or kernel came from: its content id (sha256:...), size and registry digests. */
public record OciSource(String id, Size size, List<String> repoDigests) {
  public OciSource {
    repoDigests = repoDigests == null ? List.of() : List.copyOf(repoDigests);
  }
}
