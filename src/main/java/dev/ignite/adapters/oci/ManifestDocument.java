package dev.ignite.adapters.oci;

/** What a manifest URL or blob holds: an image manifest, or an index of them. */
sealed interface ManifestDocument permits ImageManifest, ImageIndex {}
