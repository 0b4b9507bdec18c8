package dev.ignite.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs a command on several VMs the way `docker stop a b c` does: a VM that fails is reported on
 * stderr and the others are still handled; the exit code says whether any failed.
 */
final class EachVm {
  private EachVm() {}

  static void run(List<String> refs, PrintWriter err, Consumer<String> action) {
    int failed = 0;
    for (String ref : refs) {
      try {
        action.accept(ref);
      } catch (RuntimeException e) {
        if (refs.size() == 1) {
          throw e;
        }
        failed++;
        err.println(Errors.describe(e));
        err.flush();
      }
    }
    if (failed > 0) {
      throw new CliException(failed + " of " + refs.size() + " VMs failed (see above)");
    }
  }
}
