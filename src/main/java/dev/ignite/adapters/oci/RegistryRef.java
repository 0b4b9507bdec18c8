package dev.ignite.adapters.oci;

import dev.ignite.ports.ImageException;
import java.util.regex.Pattern;

/**
 * A registry image reference in its normalised form: {@code busybox} becomes {@code
 * registry-1.docker.io/library/busybox:latest}.
 */
record RegistryRef(String registry, String repository, String tag, String digest) {
  static final String DOCKER_HUB = "registry-1.docker.io";
  private static final Pattern REPOSITORY =
      Pattern.compile(
          "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");

  static RegistryRef parse(String text) {
    String rest = text.strip();
    String digest = null;
    int at = rest.indexOf('@');
    if (at >= 0) {
      digest = rest.substring(at + 1);
      rest = rest.substring(0, at);
      require(DIGEST.matcher(digest).matches(), text, "digest must be sha256:<64 hex>");
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
      require(TAG.matcher(tag).matches(), text, "bad tag '" + tag + "'");
    }
    if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
      rest = "library/" + rest;
    }
    require(REPOSITORY.matcher(rest).matches(), text, "bad repository name '" + rest + "'");
    return new RegistryRef(registry, rest, tag, digest);
  }

  private static boolean looksLikeHost(String first) {
    return first.contains(".") || first.contains(":") || first.equals("localhost");
  }

  private static String canonicalHost(String host) {
    return switch (host) {
      case "docker.io", "index.docker.io" -> DOCKER_HUB;
      default -> host;
    };
  }

  private static void require(boolean ok, String text, String why) {
    if (!ok) {
      throw new ImageException("invalid image reference '" + text + "': " + why);
    }
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
