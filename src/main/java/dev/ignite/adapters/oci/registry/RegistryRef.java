package dev.ignite.adapters.oci.registry;

import dev.ignite.adapters.oci.manifest.Digests;
import dev.ignite.ports.ImageException;
import java.util.regex.Pattern;

/**
 * A registry image reference in its normalised form, as Docker normalises it: {@code busybox},
 * {@code library/busybox} and {@code docker.io/library/busybox:latest} are one image, written
 * {@code docker.io/library/busybox:latest}. Names follow the distribution spec's grammar.
 */
public record RegistryRef(String registry, String repository, String tag, String digest) {
  static final String DOCKER_HUB = "docker.io";

  /** Docker Hub's registry API is not served on docker.io itself. */
  private static final String DOCKER_HUB_API = "registry-1.docker.io";

  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern REPOSITORY =
      Pattern.compile(
          "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");

  public static RegistryRef parse(String text) {
    String rest = text.strip();
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      require(Digests.isValid(digest), text, "digest must be sha256:<64 hex>");
    }
    String registry = DOCKER_HUB;
    int slash = rest.indexOf('/');
    if (slash > 0 && looksLikeHost(rest.substring(0, slash))) {
      registry = canonicalHost(rest.substring(0, slash));
      rest = rest.substring(slash + 1);
    }
    String tag = digest == null ? "latest" : null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
      require(isTag(tag), text, "bad tag '" + tag + "'");
    }
    if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
      rest = "library/" + rest;
    }
    require(isRepository(rest), text, "bad repository name '" + rest + "'");
    return new RegistryRef(registry, rest, tag, digest);
  }

  static boolean isTag(String tag) {
    return TAG.matcher(tag).matches();
  }

  static boolean isRepository(String name) {
    return REPOSITORY.matcher(name).matches();
  }

  private static boolean looksLikeHost(String first) {
    return first.contains(".") || first.contains(":") || first.equals("localhost");
  }

  private static String canonicalHost(String host) {
    return switch (host) {
      case "docker.io", "index.docker.io", DOCKER_HUB_API -> DOCKER_HUB;
      default -> host;
    };
  }

  private static void require(boolean ok, String text, String why) {
    if (!ok) {
      throw new ImageException("invalid image reference '" + text + "': " + why);
    }
  }

  /** Where the registry's API is reached: HOST[:PORT]. */
  String endpoint() {
    return registry.equals(DOCKER_HUB) ? DOCKER_HUB_API : registry;
  }

  /** The tag or digest the manifest is fetched by. */
  String reference() {
    return digest != null ? digest : tag;
  }

  String repositoryWithRegistry() {
    return registry + "/" + repository;
  }

  RegistryRef withDigest(String newDigest) {
    return new RegistryRef(registry, repository, tag, newDigest);
  }

  @Override
  public String toString() {
    return repositoryWithRegistry()
        + (tag != null ? ":" + tag : "")
        + (digest != null ? "@" + digest : "");
  }
}
