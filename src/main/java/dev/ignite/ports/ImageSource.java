package dev.ignite.ports;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Imports root filesystem images into a content-addressed cache and unpacks them into a directory.
 * References name a registry image ({@code busybox}, {@code 127.0.0.1:5000/x:1}) or a local source
 * ({@code oci:DIR[:TAG]}, {@code oci-archive:FILE}, {@code docker-archive:FILE}, {@code tar:FILE}).
 */
public interface ImageSource {

  /**
   * The reference in the one form an image is known by, whatever the spelling: {@code busybox},
   * {@code library/busybox} and {@code docker.io/library/busybox:latest} are one image; {@code
   * oci:./x} names a folder relative to the working directory, so it becomes absolute. Reads
   * nothing; an invalid reference is an {@link ImageException}.
   */
  String normalise(String ref);

  /** Imports {@code ref}; blobs already in the cache are not fetched again. */
  ImportedImage importImage(String ref, ImportOptions options, ImportProgress progress);

  /** Applies the image's layers in order (whiteouts included) into an empty or new directory. */
  void unpack(String imageId, Path targetDir);

  /** As {@link #unpack(String, Path)}, reporting each layer's bytes to {@code progress}. */
  default void unpack(String imageId, Path targetDir, ImportProgress progress) {
    unpack(imageId, targetDir);
  }

  List<ImportedImage> list();

  Optional<ImportedImage> find(String imageId);

  /** Forgets the image and deletes blobs no other image uses; false when it was not cached. */
  boolean remove(String imageId);
}
