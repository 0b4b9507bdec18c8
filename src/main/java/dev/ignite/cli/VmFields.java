package dev.ignite.cli;

import dev.ignite.api.KernelSpec;
import dev.ignite.api.OciSource;
import dev.ignite.api.Vm;
import dev.ignite.api.VmStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A VM's fields by Ignite's Go field paths ({@code ObjectMeta.Name}, {@code Spec.Memory}, …), as
 * used by {@code ps --filter} and {@code ps --template}, rendered the way Ignite prints them (sizes
 * as {@code 800.0 MB}, maps as {@code map[k:v]}). Embedded ObjectMeta fields are also reachable
 * without the prefix ({@code .Name}), as in Go.
 */
final class VmFields {
  private static final Map<String, Function<Vm, Object>> FIELDS = new LinkedHashMap<>();

  static {
    meta("Name", v -> v.metadata().name());
    meta("UID", v -> v.metadata().uid());
    meta("Created", v -> v.metadata().created());
    meta("Labels", v -> v.metadata().labels());
    meta("Annotations", v -> v.metadata().annotations());
    FIELDS.put("Spec.Image.OCI", v -> v.spec().image());
    FIELDS.put("Spec.Kernel.OCI", v -> kernel(v).map(KernelSpec::oci));
    FIELDS.put("Spec.Kernel.CmdLine", v -> kernel(v).map(KernelSpec::cmdLine));
    FIELDS.put("Spec.Sandbox.OCI", v -> v.spec().sandbox());
    FIELDS.put("Spec.CPUs", v -> v.spec().cpus());
    FIELDS.put("Spec.Memory", v -> human(v.spec().memory()));
    FIELDS.put("Spec.DiskSize", v -> human(v.spec().diskSize()));
    FIELDS.put("Spec.Network.Ports", v -> v.spec().ports());
    FIELDS.put("Spec.CopyFiles", v -> v.spec().copyFiles());
    FIELDS.put("Spec.SSH", v -> v.spec().ssh() == null ? null : v.spec().ssh().enabled());
    FIELDS.put("Status.Running", v -> v.status().running());
    FIELDS.put("Status.StartTime", v -> v.status().startTime());
    FIELDS.put("Status.Runtime.Name", v -> runtime(v).map(VmStatus.RuntimeStatus::name));
    FIELDS.put("Status.Runtime.ID", v -> runtime(v).map(VmStatus.RuntimeStatus::id));
    FIELDS.put("Status.Network.Plugin", v -> network(v).map(VmStatus.NetworkStatus::plugin));
    FIELDS.put("Status.Network.IPAddresses", VmFields::ips);
    FIELDS.put("Status.IPAddresses", VmFields::ips); // v1alpha2's flat form, kept for old scripts
    FIELDS.put("Status.Image.ID", v -> source(v.status().image()));
    FIELDS.put("Status.Kernel.ID", v -> source(v.status().kernel()));
    FIELDS.put("Status.IDPrefix", v -> v.status().idPrefix());
  }

  private VmFields() {}

  private static void meta(String field, Function<Vm, Object> get) {
    FIELDS.put("ObjectMeta." + field, get);
    FIELDS.put(field, get);
  }

  /**
   * The text of {@code path} (with or without the leading dot) for {@code vm}; a label or
   * annotation by {@code ObjectMeta.Labels.KEY}.
   *
   * @throws CliException for a path that names no field, listing the known ones
   */
  static String render(Vm vm, String path) {
    String p = path.startsWith(".") ? path.substring(1) : path;
    Function<Vm, Object> field = FIELDS.get(p);
    if (field != null) {
      return text(field.apply(vm));
    }
    for (String map : List.of("Labels.", "Annotations.")) {
      int at = p.indexOf(map);
      if (at >= 0 && FIELDS.containsKey(p.substring(0, at + map.length() - 1))) {
        Object m = FIELDS.get(p.substring(0, at + map.length() - 1)).apply(vm);
        return text(((Map<?, ?>) m).get(p.substring(at + map.length())));
      }
    }
    throw new CliException(
        "unknown VM field \"" + path + "\"; known: ." + String.join(", .", FIELDS.keySet()));
  }

  static void check(String path) {
    render(new Vm(dev.ignite.api.ObjectMeta.named("x"), dev.ignite.api.VmSpec.UNSET, null), path);
  }

  private static String text(Object o) {
    if (o instanceof java.util.Optional<?> opt) {
      return text(opt.orElse(null));
    }
    if (o == null) {
      return "<nil>";
    }
    if (o instanceof Map<?, ?> m) {
      return m.entrySet().stream()
          .sorted(Map.Entry.comparingByKey((a, b) -> a.toString().compareTo(b.toString())))
          .map(e -> e.getKey() + ":" + e.getValue())
          .collect(Collectors.joining(" ", "map[", "]"));
    }
    if (o instanceof List<?> l) {
      return l.stream().map(Objects::toString).collect(Collectors.joining(" ", "[", "]"));
    }
    return o.toString();
  }

  private static String human(dev.ignite.api.Size s) {
    return s == null ? null : s.human();
  }

  private static java.util.Optional<KernelSpec> kernel(Vm v) {
    return java.util.Optional.ofNullable(v.spec().kernel());
  }

  private static java.util.Optional<VmStatus.RuntimeStatus> runtime(Vm v) {
    return java.util.Optional.ofNullable(v.status().runtime());
  }

  private static java.util.Optional<VmStatus.NetworkStatus> network(Vm v) {
    return java.util.Optional.ofNullable(v.status().network());
  }

  private static List<String> ips(Vm v) {
    return network(v).map(VmStatus.NetworkStatus::ipAddresses).orElse(List.of());
  }

  private static String source(OciSource s) {
    return s == null ? null : s.id();
  }
}
