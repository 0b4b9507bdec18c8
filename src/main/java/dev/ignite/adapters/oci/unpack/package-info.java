/**
 * Layers applied onto a directory as hostile input: {@link
 * dev.ignite.adapters.oci.unpack.LayerStack} decompresses each layer, reads its tar with
 * commons-compress under caps, applies whiteouts, links, devices, modes, owners, times and xattrs
 * relative to opened directories, never through a link, and returns or checks each layer's diff_id.
 */
package dev.ignite.adapters.oci.unpack;
