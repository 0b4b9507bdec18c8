package dev.ignite.adapters.oci;

import dev.ignite.ports.ImageException;

/**
 * A registry image reference in its normalised form: {@code busybox} becomes {@code
 * registry-1.docker.io/library/busybox:latest}.
 */
record RegistryRef(String registry, String repository, String tag, String digest) {
  static final String DOCKER_HUB = "registry-1.docker.io";

  static RegistryRef parse(String text) {
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

  /*
   * The distribution spec's grammar, checked by hand (see AsciiWords). RegistryRefTest holds the
   * spec's regexes and checks these against them.
   */

  /** {@code [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}} */
  static boolean isTag(String tag) {
    return AsciiWords.matches(tag, 128, "_", "_.-");
  }

  /** Path components joined by {@code /}. */
  static boolean isRepository(String name) {
    for (String component : name.split("/", -1)) {
      if (!isPathComponent(component)) {
        return false;
      }
    }
    return true;
  }

  /** {@code [a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*} */
  private static boolean isPathComponent(String c) {
    int i = 0;
    while (true) {
      int run = i;
      while (i < c.length() && AsciiWords.isLowerAlphaNumeric(c.charAt(i))) {
        i++;
      }
      if (i == run) {
        return false; // empty, or a separator not followed by [a-z0-9]
      }
      if (i == c.length()) {
        return true;
      }
      char separator = c.charAt(i++);
      if (separator == '_' && i < c.length() && c.charAt(i) == '_') {
        i++;
      } else if (separator == '-') {
        while (i < c.length() && c.charAt(i) == '-') {
          i++;
        }
      } else if (separator != '.' && separator != '_') {
        return false;
      }
    }
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
