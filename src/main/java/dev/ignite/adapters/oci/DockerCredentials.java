package dev.ignite.adapters.oci;

import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import land.oras.utils.JsonUtils;

/** Reads {@code auths.<host>.auth} (base64 {@code user:pass}) from a Docker {@code config.json}. */
final class DockerCredentials {
  record Credentials(String username, String password) {}

  record ConfigFile(Map<String, AuthEntry> auths) {}

  record AuthEntry(String auth) {}

  private DockerCredentials() {}

  /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}. */
  static Path defaultLocation(Map<String, String> env, String home) {
    String dir = env.get("DOCKER_CONFIG");
    return dir != null && !dir.isBlank()
        ? Path.of(dir, "config.json")
        : Path.of(home, ".docker", "config.json");
  }

  static Optional<Credentials> forRegistry(Path configJson, String registry) {
    if (!Files.isRegularFile(configJson)) {
      return Optional.empty();
    }
    ConfigFile config;
    try {
      config = JsonUtils.fromJson(Files.readString(configJson), ConfigFile.class);
    } catch (IOException | RuntimeException e) {
      throw new ImageException(
          "cannot read registry credentials from " + configJson + ": " + e.getMessage(), e);
    }
    if (config.auths() == null) {
      return Optional.empty();
    }
    return keysFor(registry).stream()
        .map(config.auths()::get)
        .filter(e -> e != null && e.auth() != null && !e.auth().isBlank())
        .findFirst()
        .map(e -> decode(e.auth(), configJson, registry));
  }

  /** Docker Hub is stored under its historic index URL; other hosts under their own name. */
  private static java.util.List<String> keysFor(String registry) {
    if (registry.equals(RegistryRef.DOCKER_HUB)) {
      return java.util.List.of(
          "https://index.docker.io/v1/", "index.docker.io", "docker.io", RegistryRef.DOCKER_HUB);
    }
    return java.util.List.of(registry, "https://" + registry, "http://" + registry);
  }

  private static Credentials decode(String auth, Path file, String registry) {
    String text;
    try {
      text = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ImageException(file + ": auths." + registry + ".auth is not valid base64");
    }
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw new ImageException(file + ": auths." + registry + ".auth must encode user:password");
    }
    return new Credentials(text.substring(0, colon), text.substring(colon + 1));
  }
}
