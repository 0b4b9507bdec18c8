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

  /** Imports {@code ref}; blobs already in the cache are not fetched again. */
  ImportedImage importImage(String ref, ImportOptions options, ImportProgress progress);

  /** Applies the image's layers in order (whiteouts included) into an empty or new directory. */
  void unpack(String imageId, Path targetDir);

  List<ImportedImage> list();

  Optional<ImportedImage> find(String imageId);

  /** Forgets the image and deletes blobs no other image uses; false when it was not cached. */
  boolean remove(String imageId);
}
