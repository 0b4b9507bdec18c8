package dev.ignite.core.reconcile;

import java.util.List;
import java.util.Set;

/**
 * Everything the manifests ask for in one sync.
 *
 * @param vms the VM documents that decoded cleanly
 * @param brokenFiles files that did not decode in full: VMs they declared are left as they are
 * @param problems what is wrong, located, for the log and the VMs' conditions
 */
public record DesiredState(List<DesiredVm> vms, Set<String> brokenFiles, List<Problem> problems) {
  public DesiredState {
    vms = List.copyOf(vms);
    brokenFiles = Set.copyOf(brokenFiles);
    problems = List.copyOf(problems);
  }

  /**
   * One located problem. {@code vmName} is set when the document was readable enough to know which
   * VM it is about, so the problem can reach that VM's {@code Ready} condition in its file.
   */
  public record Problem(
      String file, int line, int column, String message, java.util.Optional<String> vmName) {
    /** A problem with a whole file or VM, not a place in it. */
    public static Problem of(String file, String message, java.util.Optional<String> vmName) {
      return new Problem(file, 0, 0, message, vmName);
    }

    @Override
    public String toString() {
      return file
          + (line > 0 ? ":" + line : "")
          + (line > 0 && column > 0 ? ":" + column : "")
          + ": "
          + message;
    }
  }
}
