package dev.ignite.adapters.oci.registry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What this host says about reaching registries: the environment (proxy variables) and the certs.d
 * roots holding per-registry CAs, searched in order.
 */
public record HostNetwork(Map<String, String> env, List<Path> certsRoots) {
  public HostNetwork {
    env = Map.copyOf(env);
    certsRoots = List.copyOf(certsRoots);
  }

  /**
   * This process's environment; CAs from {@code ~/.config/containers/certs.d} (containers/image
   * reads it for rootless users; we read it for anyone), {@code /etc/containers/certs.d} and {@code
   * /etc/docker/certs.d}.
   */
  public static HostNetwork ofThisHost() {
    Map<String, String> env = System.getenv();
    List<Path> roots = new ArrayList<>();
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    if (home != null && !home.isBlank()) {
      roots.add(Path.of(home, ".config", "containers", "certs.d"));
    }
    roots.add(Path.of("/etc/containers/certs.d"));
    roots.add(Path.of("/etc/docker/certs.d"));
    return new HostNetwork(env, roots);
  }
}
