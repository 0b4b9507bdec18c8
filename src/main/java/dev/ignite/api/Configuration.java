package dev.ignite.api;

import java.util.List;

/**
 * Host-wide settings read from {@code /etc/ignite/config.yaml} or {@code --ignite-config}. Null
 * components are not set; {@code vmDefaults} sits between the built-in defaults and a VM's file.
 */
public record Configuration(
    ObjectMeta metadata,
    String runtime,
    String networkPlugin,
    VmSpec vmDefaults,
    String idPrefix,
    List<String> insecureRegistries)
    implements ApiObject {
  public Configuration {
    vmDefaults = vmDefaults == null ? VmSpec.UNSET : vmDefaults;
    insecureRegistries = insecureRegistries == null ? List.of() : List.copyOf(insecureRegistries);
  }

  public static final Configuration EMPTY =
      new Configuration(ObjectMeta.named("default"), null, null, VmSpec.UNSET, null, List.of());

  @Override
  public Kind kind() {
    return Kind.CONFIGURATION;
  }

  public String idPrefixOrDefault() {
    return idPrefix != null ? idPrefix : "ignite";
  }
}
