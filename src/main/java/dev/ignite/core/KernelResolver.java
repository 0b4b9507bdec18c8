package dev.ignite.core;

import dev.ignite.api.Defaults;
import dev.ignite.api.Image;
import dev.ignite.api.Kernel;
import dev.ignite.api.Vm;
import dev.ignite.ports.ImportProgress;
import dev.ignite.ports.KernelStore;
import dev.ignite.ports.StoredKernel;

/**
 * The kernel a VM boots: {@code "host"} or a path goes straight to the kernel store; anything else
 * is an Ignite kernel image ({@code oci:DIR:TAG}, a registry image, an archive), imported and
 * unpacked like a root image, whose tree ({@code boot/vmlinux} or {@code boot/vmlinuz}, optional
 * {@code lib/modules}) is then stored.
 */
public final class KernelResolver {
  private final KernelService kernels;
  private final ImageService images;

  public KernelResolver(KernelService kernels, ImageService images) {
    this.kernels = kernels;
    this.images = images;
  }

  /** The kernel's recorded object and where it is stored. */
  public record Resolved(Kernel kernel, StoredKernel stored) {}

  Resolved resolve(Vm vm, ImportProgress progress) {
    String ref = vm.spec().kernel() == null ? null : vm.spec().kernel().oci();
    return resolve(ref == null || ref.isBlank() ? Defaults.KERNEL : ref, progress);
  }

  /** Imports (once) and records the kernel {@code ref} names; what {@code kernel import} does. */
  public Resolved resolve(String ref, ImportProgress progress) {
    KernelService.Imported imported;
    if (ref.equals(KernelStore.HOST) || ref.startsWith("/")) {
      imported = kernels.importKernel(ref);
    } else {
      Image image = images.ensure(ref, progress);
      imported = kernels.importKernel(ref, images.rootfs(image));
    }
    return new Resolved(imported.kernel(), imported.stored());
  }
}
