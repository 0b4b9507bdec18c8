package dev.ignite.adapters.oci;

import dev.ignite.ports.ImageException;
import java.util.List;
import land.oras.Index;
import land.oras.ManifestDescriptor;

/** Manifest media types we accept, and the choice of linux/amd64 from a multi-arch index. */
final class MediaTypes {
  static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

  private MediaTypes() {}

  static boolean isIndex(String mediaType) {
    return OCI_INDEX.equals(mediaType) || DOCKER_LIST.equals(mediaType);
  }

  /** The linux/amd64 manifest of an index; the image is useless to our VMs without one. */
  static ManifestDescriptor linuxAmd64(Index index, String where) {
    List<ManifestDescriptor> all = index.getManifests();
    return all.stream()
        .filter(m -> m.getPlatformOrNull() != null)
        .filter(m -> "linux".equals(m.getPlatformOrNull().os()))
        .filter(m -> "amd64".equals(m.getPlatformOrNull().architecture()))
        .findFirst()
        .or(
            () ->
                all.size() == 1 && all.get(0).getPlatformOrNull() == null
                    ? java.util.Optional.of(all.get(0))
                    : java.util.Optional.empty())
        .orElseThrow(
            () ->
                new ImageException(
                    where
                        + " has no linux/amd64 image among "
                        + all.size()
                        + " platforms; VMs here run amd64 guests"));
  }
}
