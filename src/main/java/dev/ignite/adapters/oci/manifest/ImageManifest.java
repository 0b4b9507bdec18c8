package dev.ignite.adapters.oci.manifest;

import java.util.List;

/** An image manifest (OCI or Docker v2 schema 2): one config blob and the layers, lowest first. */
public record ImageManifest(Descriptor config, List<Descriptor> layers)
    implements ManifestDocument {
  public ImageManifest {
    layers = List.copyOf(layers);
  }
}
