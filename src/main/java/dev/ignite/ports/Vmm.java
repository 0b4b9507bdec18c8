package dev.ignite.ports;

import dev.ignite.api.Uid;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A hypervisor. VM processes are detached: they outlive the caller, and any process can stop, kill
 * or inspect a VM another one started, knowing only its uid and state folder.
 */
public interface Vmm {
  /** Launches the VM; on failure nothing is left running and no host port stays bound. */
  VmProcess start(VmLaunch launch) throws IOException;

  /** Asks the guest to power off, and forces it off once {@code timeout} has passed. */
  void stop(Uid uid, Path vmDir, Duration timeout) throws IOException;

  /** Ends the VM process at once. */
  void kill(Uid uid, Path vmDir) throws IOException;

  /** The running VM process, or empty when none runs for this uid. */
  Optional<VmProcess> state(Uid uid, Path vmDir);
}
