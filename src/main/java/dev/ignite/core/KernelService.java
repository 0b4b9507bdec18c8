package dev.ignite.core;

import dev.ignite.api.Kernel;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.OciSource;
import dev.ignite.api.Size;
import dev.ignite.api.Uid;
import dev.ignite.api.Vm;
import dev.ignite.ports.KernelStore;
import dev.ignite.ports.StateStore;
import dev.ignite.ports.StoredKernel;
import java.io.IOException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * Kernels VMs boot: imported into the kernel store and recorded as {@link Kernel} objects whose uid
 * is the kernel's sha256 and whose name is its version ({@code 6.1.0-56-amd64}).
 */
public final class KernelService {
  private final StateStore store;
  private final KernelStore kernels;
  private final Clock clock;

  public KernelService(StateStore store, KernelStore kernels, Clock clock) {
    this.store = store;
    this.kernels = kernels;
    this.clock = clock;
  }

  /** The stored kernel and its recorded object. */
  public record Imported(Kernel kernel, StoredKernel stored) {}

  /** Imports {@code ref} ("host", a vmlinuz path or an unpacked kernel image); idempotent. */
  public Imported importKernel(String ref) {
    return importKernel(ref, ref);
  }

  /**
   * Imports the kernel image {@code ref} from its unpacked {@code tree}; the recorded object names
   * {@code ref}, the image, rather than the tree's folder.
   */
  public Imported importKernel(String ref, java.nio.file.Path tree) {
    return importKernel(ref, tree.toString());
  }

  private Imported importKernel(String ref, String source) {
    StoredKernel stored;
    try {
      stored = kernels.importKernel(source);
    } catch (IOException e) {
      throw new LifecycleException("cannot import kernel " + ref + ": " + e.getMessage(), e);
    }
    Kernel kernel =
        new Kernel(
            new ObjectMeta(
                ObjectNames.fromReference(stored.version()),
                new Uid(stored.id()),
                clock.instant().truncatedTo(ChronoUnit.SECONDS),
                null,
                null),
            ref,
            stored.version(),
            new OciSource("sha256:" + stored.id(), Size.ofBytes(stored.size()), List.of()));
    store.withLock(
        () -> {
          if (store.get(Kernel.class, kernel.metadata().uid()).isEmpty()) {
            store.put(kernel);
          }
        });
    return new Imported(store.get(Kernel.class, kernel.metadata().uid()).orElse(kernel), stored);
  }

  public List<Kernel> list() {
    return store.list(Kernel.class).stream()
        .sorted(Comparator.comparing((Kernel k) -> k.metadata().created()))
        .toList();
  }

  /** By version name, uid (sha256) prefix or the reference it was imported from. */
  public Kernel get(String ref) {
    String hex = ref.startsWith("sha256:") ? ref.substring("sha256:".length()) : ref;
    return store.list(Kernel.class).stream()
        .filter(k -> ref.equals(k.oci()))
        .findFirst()
        .orElseGet(() -> store.find(Kernel.class, hex));
  }

  /** Removes a kernel; refused while a VM uses it unless {@code force}. */
  public Kernel remove(String ref, boolean force, List<Vm> vms) {
    Kernel kernel = get(ref);
    List<String> users =
        vms.stream()
            .filter(vm -> vm.status().kernel() != null)
            .filter(vm -> kernel.source().id().equals(vm.status().kernel().id()))
            .map(Vm::name)
            .toList();
    if (!users.isEmpty() && !force) {
      throw new LifecycleException(
          "kernel "
              + kernel.metadata().name()
              + " is used by VM(s) "
              + String.join(", ", users)
              + ": remove them first, or use kernel rm -f");
    }
    try {
      kernels.remove(kernel.metadata().uid().value());
    } catch (IOException e) {
      throw new LifecycleException("cannot remove kernel " + ref + ": " + e.getMessage(), e);
    }
    store.delete(Kernel.class, kernel.metadata().uid());
    return kernel;
  }
}
