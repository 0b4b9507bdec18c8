package dev.ignite.adapters.oci.manifest;

import java.util.List;

/** An OCI image index or Docker manifest list: one manifest per platform (or per tag). */
public record ImageIndex(List<Descriptor> manifests) implements ManifestDocument {
  public ImageIndex {
    manifests = List.copyOf(manifests);
  }
}
