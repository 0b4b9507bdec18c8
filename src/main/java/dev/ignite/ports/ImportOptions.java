package dev.ignite.ports;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach registries.
 *
 * @param insecureRegistries {@code HOST:PORT} entries spoken to over plain HTTP
 * @param dockerConfig a Docker {@code config.json}; empty means {@code $DOCKER_CONFIG/config.json}
 *     or {@code ~/.docker/config.json}
 */
public record ImportOptions(Set<String> insecureRegistries, Optional<Path> dockerConfig) {
  public ImportOptions {
    insecureRegistries = Set.copyOf(insecureRegistries);
  }

  public static ImportOptions defaults() {
    return new ImportOptions(Set.of(), Optional.empty());
  }

  public ImportOptions withInsecureRegistry(String hostPort) {
    var hosts = new java.util.HashSet<>(insecureRegistries);
    hosts.add(hostPort);
    return new ImportOptions(hosts, dockerConfig);
  }

  public ImportOptions withDockerConfig(Path configJson) {
    return new ImportOptions(insecureRegistries, Optional.of(configJson));
  }
}
