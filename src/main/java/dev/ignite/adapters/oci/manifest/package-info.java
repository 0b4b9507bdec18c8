/**
 * What images are made of, as read from untrusted JSON: descriptors, manifests and indexes
 * (ManifestJson), media types, the config's diff_ids (DiffIds), sha256 digests (Digests), all on
 * jackson-core's streaming parser with caps (Json).
 */
package dev.ignite.adapters.oci.manifest;
