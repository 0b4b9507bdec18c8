package dev.ignite.api;

import java.time.Instant;
import java.util.List;

/** What the host observed of a VM. Nullable components were not observed. */
public record VmStatus(
    boolean running,
    Instant startTime,
    RuntimeStatus runtime,
    NetworkStatus network,
    OciSource image,
    OciSource kernel,
    String idPrefix,
    List<Condition> conditions) {
  public VmStatus {
    conditions = conditions == null ? List.of() : List.copyOf(conditions);
  }

  public static final VmStatus EMPTY =
      new VmStatus(false, null, null, null, null, null, null, List.of());

  /** {@code name} is the VMM ("qemu"), {@code id} its handle (the QEMU pid). */
  public record RuntimeStatus(String name, String id) {}

  public record NetworkStatus(String plugin, List<String> ipAddresses) {
    public NetworkStatus {
      ipAddresses = ipAddresses == null ? List.of() : List.copyOf(ipAddresses);
    }
  }

  public VmStatus withRunning(boolean r) {
    return new VmStatus(r, startTime, runtime, network, image, kernel, idPrefix, conditions);
  }

  public VmStatus withStartTime(Instant t) {
    return new VmStatus(running, t, runtime, network, image, kernel, idPrefix, conditions);
  }

  public VmStatus withRuntime(RuntimeStatus r) {
    return new VmStatus(running, startTime, r, network, image, kernel, idPrefix, conditions);
  }

  public VmStatus withNetwork(NetworkStatus n) {
    return new VmStatus(running, startTime, runtime, n, image, kernel, idPrefix, conditions);
  }

  public VmStatus withImage(OciSource i) {
    return new VmStatus(running, startTime, runtime, network, i, kernel, idPrefix, conditions);
  }

  public VmStatus withKernel(OciSource k) {
    return new VmStatus(running, startTime, runtime, network, image, k, idPrefix, conditions);
  }

  public VmStatus withIdPrefix(String p) {
    return new VmStatus(running, startTime, runtime, network, image, kernel, p, conditions);
  }

  public VmStatus withConditions(List<Condition> c) {
    return new VmStatus(running, startTime, runtime, network, image, kernel, idPrefix, c);
  }
}
