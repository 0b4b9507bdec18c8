package dev.ignite.api;

import java.util.Optional;

public enum Kind {
  VM("VM"),
  IMAGE("Image"),
  KERNEL("Kernel"),
  CONFIGURATION("Configuration");

  private final String wireName;

  Kind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Kind> fromWire(String name) {
    for (Kind k : values()) {
      if (k.wireName.equals(name)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
