package dev.ignite.adapters.oci.registry;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ignite.adapters.oci.manifest.Json;
import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Registry credentials from a Docker {@code config.json}, looked up as Docker does: the helper that
 * {@code credHelpers} names for the registry, else the {@code credsStore} helper, else {@code
 * auths.<host>.auth} (base64 {@code user:pass}) or its {@code username} and {@code password}.
 */
public final class DockerCredentials {
  record Credentials(String username, String password) {}

  private static final class AuthEntry {
    String auth;
    String username;
    String password;
  }

  /** What config.json says about credentials; the helpers' names are not checked here. */
  private record Config(
      Map<String, AuthEntry> auths, String credsStore, Map<String, String> credHelpers) {}

  private DockerCredentials() {}

  /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}. */
  public static Path defaultLocation(Map<String, String> env, String home) {
    String dir = env.get("DOCKER_CONFIG");
    return dir != null && !dir.isBlank()
        ? Path.of(dir, "config.json")
        : Path.of(home, ".docker", "config.json");
  }

  static Optional<Credentials> forRegistry(Path configJson, String registry) {
    return forRegistry(configJson, registry, CredentialHelper.fromEnvironment());
  }

  static Optional<Credentials> forRegistry(
      Path configJson, String registry, CredentialHelper helpers) {
    if (!Files.isRegularFile(configJson)) {
      return Optional.empty();
    }
    Config config;
    try {
      config = Json.parse(Files.readAllBytes(configJson), configJson.toString(), p -> config(p));
    } catch (IOException | RuntimeException e) {
      throw new ImageException(
          "cannot read registry credentials from " + configJson + ": " + e.getMessage(), e);
    }
    String server = serverName(registry);
    for (String key : keysFor(registry)) {
      String helper = config.credHelpers().get(key);
      if (helper != null) {
        return helpers.get(helper, server, configJson + ": credHelpers." + key);
      }
    }
    if (config.credsStore() != null && !config.credsStore().isBlank()) {
      Optional<Credentials> stored =
          helpers.get(config.credsStore(), server, configJson + ": credsStore");
      if (stored.isPresent()) {
        return stored;
      }
    }
    return keysFor(registry).stream()
        .map(config.auths()::get)
        .filter(e -> e != null)
        .map(e -> credentials(e, configJson, registry))
        .flatMap(Optional::stream)
        .findFirst();
  }

  /** The name `docker login` stores a registry's credentials under in a helper. */
  private static String serverName(String registry) {
    return registry.equals(RegistryRef.DOCKER_HUB) ? "https://index.docker.io/v1/" : registry;
  }

  private static Optional<Credentials> credentials(AuthEntry e, Path file, String registry) {
    if (e.auth != null && !e.auth.isBlank()) {
      return Optional.of(decode(e.auth, file, registry));
    }
    if (e.username != null && e.password != null) {
      return Optional.of(new Credentials(e.username, e.password));
    }
    return Optional.empty();
  }

  private static Config config(JsonParser p) throws IOException {
    Map<String, AuthEntry> auths = new HashMap<>();
    Map<String, String> helpers = new HashMap<>();
    String[] store = {null};
    Json.object(
        p,
        "config.json",
        (name, v) -> {
          switch (name) {
            case "auths" -> {
              if (v.currentToken() != JsonToken.START_OBJECT) {
                return false;
              }
              Json.object(
                  v,
                  "auths",
                  (host, e) -> {
                    auths.put(host, entry(e, "auths." + host));
                    return true;
                  });
            }
            case "credsStore" -> store[0] = Json.text(v, "credsStore");
            case "credHelpers" ->
                Json.object(
                    v,
                    "credHelpers",
                    (host, h) -> {
                      helpers.put(host, Json.text(h, "credHelpers." + host));
                      return true;
                    });
            default -> {
              return false;
            }
          }
          return true;
        });
    return new Config(auths, store[0], helpers);
  }

  private static AuthEntry entry(JsonParser p, String where) throws IOException {
    AuthEntry entry = new AuthEntry();
    Json.object(
        p,
        where,
        (name, v) -> {
          switch (name) {
            case "auth" -> entry.auth = Json.text(v, where + ".auth");
            case "username" -> entry.username = Json.text(v, where + ".username");
            case "password" -> entry.password = Json.text(v, where + ".password");
            default -> {
              return false;
            }
          }
          return true;
        });
    return entry;
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
