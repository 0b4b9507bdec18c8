package dev.ignite.ports;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Kernels the host can boot VMs with, each stored once under {@code <state>/kernels/<id>/} where
 * the id is the sha256 of the kernel binary.
 */
public interface KernelStore {
  /** The reference that names the host's own distro kernel (newest {@code /boot/vmlinuz-*}). */
  String HOST = "host";

  /**
   * Imports {@code "host"}, a path to a vmlinuz/vmlinux (an initrd beside it is taken along), or a
   * directory holding an Ignite kernel image's unpacked tree ({@code boot/vmlinux}, {@code
   * lib/modules}). Importing the same kernel again returns the stored one.
   */
  StoredKernel importKernel(String reference) throws IOException;

  Optional<StoredKernel> find(String id) throws IOException;

  List<StoredKernel> list() throws IOException;

  /** Removes a stored kernel; returns false when there was none with that id. */
  boolean remove(String id) throws IOException;
}
