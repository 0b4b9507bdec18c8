package dev.ignite.adapters.oci;

import java.util.List;

/** An OCI image index or Docker manifest list: one manifest per platform (or per tag). */
record ImageIndex(List<Descriptor> manifests) implements ManifestDocument {
  ImageIndex {
    manifests = List.copyOf(manifests);
  }
}
