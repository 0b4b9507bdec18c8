/**
 * The image cache in the state dir: verified blobs ({@code blobs/sha256}), image records ({@code
 * images/}), unpacked trees ({@code unpacked/}), and one import's session (what it added, so a
 * failure takes it back) and scratch folder.
 */
package dev.ignite.adapters.oci.cache;
