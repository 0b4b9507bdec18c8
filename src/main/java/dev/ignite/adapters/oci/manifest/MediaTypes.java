package dev.ignite.adapters.oci.manifest;

import dev.ignite.ports.ImageException;
import java.util.List;
import java.util.Optional;

/** Manifest media types we accept, and the choice of linux/amd64 from a multi-arch index. */
public final class MediaTypes {
  public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
  static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
  static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";

  /** The {@code Accept} header of manifest requests: every kind we can read. */
  public static final String ACCEPT_MANIFESTS =
      String.join(", ", OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_LIST);

  private MediaTypes() {}

  static boolean isIndex(String mediaType) {
    return OCI_INDEX.equals(base(mediaType)) || DOCKER_LIST.equals(base(mediaType));
  }

  static boolean isManifest(String mediaType) {
    return OCI_MANIFEST.equals(base(mediaType)) || DOCKER_MANIFEST.equals(base(mediaType));
  }

  /** A Content-Type may carry parameters ({@code ; charset=utf-8}). */
  private static String base(String mediaType) {
    if (mediaType == null) {
      return null;
    }
    int semi = mediaType.indexOf(';');
    return (semi < 0 ? mediaType : mediaType.substring(0, semi)).strip();
  }

  /** The linux/amd64 manifest of an index; the image is useless to our VMs without one. */
  public static Descriptor linuxAmd64(ImageIndex index, String where) {
    List<Descriptor> all = index.manifests();
    return all.stream()
        .filter(m -> m.platform().map(MediaTypes::isLinuxAmd64).orElse(false))
        .findFirst()
        .or(
            () ->
                all.size() == 1 && all.get(0).platform().isEmpty()
                    ? Optional.of(all.get(0))
                    : Optional.empty())
        .orElseThrow(
            () ->
                new ImageException(
                    where
                        + " has no linux/amd64 image among "
                        + all.size()
                        + " platforms; VMs here run amd64 guests"));
  }

  private static boolean isLinuxAmd64(Descriptor.Platform p) {
    return "linux".equals(p.os()) && "amd64".equals(p.architecture());
  }
}
