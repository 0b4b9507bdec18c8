package dev.ignite.api;

import java.util.List;

/** Extra disks: each volume is a host block device or raw image file, mounted by name. */
public record StorageSpec(List<Volume> volumes, List<VolumeMount> volumeMounts) {
  public StorageSpec {
    volumes = volumes == null ? List.of() : List.copyOf(volumes);
    volumeMounts = volumeMounts == null ? List.of() : List.copyOf(volumeMounts);
  }

  public static final StorageSpec EMPTY = new StorageSpec(List.of(), List.of());

  /** {@code blockDevicePath} is a host block device or a raw image file. */
  public record Volume(String name, String blockDevicePath) {}

  public record VolumeMount(String name, String mountPath) {}
}
