package dev.ignite.api;

import java.util.Optional;
import java.util.regex.Pattern;

/** Object names are DNS-1123 subdomains, as in Kubernetes and Ignite. */
public final class Names {
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private Names() {}

  /** Returns why the name is invalid, or empty when it is a valid DNS-1123 subdomain. */
  public static Optional<String> problem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("must not be empty");
    }
    if (name.length() > 253) {
      return Optional.of("must be at most 253 characters");
    }
    for (String label : name.split("\\.", -1)) {
      if (label.length() > 63 || !LABEL.matcher(label).matches()) {
        return Optional.of(
            "\""
                + name
                + "\" is not a DNS-1123 subdomain: lowercase letters, digits, '-' and '.',"
                + " starting and ending with a letter or digit (e.g. my-vm)");
      }
    }
    return Optional.empty();
  }

  public static boolean isValid(String name) {
    return problem(name).isEmpty();
  }
}
