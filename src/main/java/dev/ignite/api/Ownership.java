package dev.ignite.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How a managed VM is marked in the host's store: annotations written with the VM's record in the
 * same atomic write, so the store itself is the inventory of what a repository owns, also after a
 * crash. VMs without the mark were made by hand and are never touched.
 */
public final class Ownership {
  /** The repository (URL or folder) whose files own the VM. */
  public static final String MANAGED_BY = "ignite.weave.works/managed-by";

  /** The file, relative to the repository, that declares the VM. */
  public static final String FILE = "ignite.weave.works/file";

  private Ownership() {}

  public static Optional<String> owner(Vm vm) {
    return Optional.ofNullable(vm.metadata().annotations().get(MANAGED_BY));
  }

  public static Optional<String> file(Vm vm) {
    return Optional.ofNullable(vm.metadata().annotations().get(FILE));
  }

  public static boolean ownedBy(Vm vm, String repository) {
    return owner(vm).filter(repository::equals).isPresent();
  }

  /** The VM's metadata with the mark of {@code repository} and {@code file} added. */
  public static ObjectMeta mark(ObjectMeta meta, String repository, String file) {
    Map<String, String> annotations = new HashMap<>(meta.annotations());
    annotations.put(MANAGED_BY, repository);
    annotations.put(FILE, file);
    return new ObjectMeta(meta.name(), meta.uid(), meta.created(), meta.labels(), annotations);
  }
}
