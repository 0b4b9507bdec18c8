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
 * is an Ignite kernel image, imported and unpacked like a root image, whose tree is then stored.
 */
final class KernelResolver {
  private final KernelService kernels;
  private final ImageService images;

  KernelResolver(KernelService kernels, ImageService images) {
    this.kernels = kernels;
    this.images = images;
  }

  record Resolved(Kernel kernel, StoredKernel stored) {}

  Resolved resolve(Vm vm, ImportProgress progress) {
    String ref = vm.spec().kernel() == null ? null : vm.spec().kernel().oci();
    if (ref == null || ref.isBlank()) {
      ref = Defaults.KERNEL;
    }
    KernelService.Imported imported;
    if (ref.equals(KernelStore.HOST) || ref.startsWith("/")) {
      imported = kernels.importKernel(ref);
    } else {
      Image image = images.ensure(ref, progress);
      imported = kernels.importKernel(images.rootfs(image).toString());
    }
    return new Resolved(imported.kernel(), imported.stored());
  }
}
