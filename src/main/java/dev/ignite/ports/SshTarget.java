package dev.ignite.ports;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and as whom to reach a guest over SSH. The host key is pinned in {@code knownHosts} under
 * {@code hostKeyAlias} rather than under host and port, because a VM's forwarded port may change
 * between boots while its host key does not.
 */
public record SshTarget(
    String host, int port, String user, Path identity, Path knownHosts, String hostKeyAlias) {

  /** File names inside a VM's state folder. */
  public static final String PRIVATE_KEY_FILE = "id_ed25519";

  public static final String KNOWN_HOSTS_FILE = "known_hosts";

  public SshTarget {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(knownHosts, "knownHosts");
    Objects.requireNonNull(hostKeyAlias, "hostKeyAlias");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("SSH port " + port + " is not in 1-65535");
    }
  }

  /**
   * A VM reached as root through a port forwarded on the loopback address, with the key and pins
   * kept in the VM's own state folder.
   */
  public static SshTarget forVm(Path vmDir, String vmName, int port) {
    return new SshTarget(
        "127.0.0.1",
        port,
        "root",
        vmDir.resolve(PRIVATE_KEY_FILE),
        vmDir.resolve(KNOWN_HOSTS_FILE),
        "ignite-" + vmName);
  }

  @Override
  public String toString() {
    return user + "@" + host + ":" + port;
  }
}
