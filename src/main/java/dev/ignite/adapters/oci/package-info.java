/**
 * OCI images: import from registries, layouts and archives into a content-addressed cache, and
 * unpack into a VM's root tree. {@link dev.ignite.adapters.oci.OciImages} is the one entry point
 * for the rest of the product; the subpackages are its parts, by concern: {@code registry} (the
 * distribution API client: HTTP, auth, credentials, proxies, trust), {@code manifest} (descriptors,
 * manifests, indexes, media types, JSON, digests), {@code cache} (blob store, image records,
 * unpacked trees, one import's session and scratch folder), {@code unpack} (layers onto a tree:
 * decompression, tar, whiteouts, attributes, limits) and {@code archive} (OCI layouts, OCI and
 * docker-save archives, rootfs tarballs). Their public types are for each other, not the product.
 */
package dev.ignite.adapters.oci;
