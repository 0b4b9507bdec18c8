/** Local sources: OCI layouts, OCI and docker-save archives, rootfs tarballs, into the cache. */
package dev.ignite.adapters.oci.archive;
