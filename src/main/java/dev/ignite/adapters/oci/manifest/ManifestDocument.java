package dev.ignite.adapters.oci.manifest;

/** What a manifest URL or blob holds: an image manifest, or an index of them. */
public sealed interface ManifestDocument permits ImageManifest, ImageIndex {}
