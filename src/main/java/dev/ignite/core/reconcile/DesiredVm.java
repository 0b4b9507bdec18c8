package dev.ignite.core.reconcile;

import dev.ignite.api.Vm;

/**
 * A VM as its file declares it: {@code vm.status().running()} is the user's wish, the spec is as
 * written (not completed with defaults), the uid may be missing.
 *
 * @param file the file's path relative to the repository (or manifest folder)
 * @param apiVersion the document's own apiVersion, so status is written back in its shape
 */
public record DesiredVm(String file, String apiVersion, Vm vm) {
  public String name() {
    return vm.name();
  }

  public boolean wantsRunning() {
    return vm.status().running();
  }
}
