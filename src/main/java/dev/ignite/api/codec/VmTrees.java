package dev.ignite.api.codec;

import dev.ignite.api.Condition;
import dev.ignite.api.FileMapping;
import dev.ignite.api.KernelSpec;
import dev.ignite.api.OciSource;
import dev.ignite.api.PortMapping;
import dev.ignite.api.SshSpec;
import dev.ignite.api.StorageSpec;
import dev.ignite.api.VmSpec;
import dev.ignite.api.VmStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The v1alpha4 tree of a VM spec and status. An empty list is written (not left out) because a spec
 * that sets "no ports" must override the ports of vmDefaults.
 */
final class VmTrees {
  private VmTrees() {}

  static Tree spec(VmSpec s) {
    Tree t = new Tree();
    if (s.image() != null) {
      t.putTree("image", new Tree().put("oci", s.image()));
    }
    t.putTreeAlways("kernel", kernel(s.kernel()));
    if (s.sandbox() != null) {
      t.putTree("sandbox", new Tree().put("oci", s.sandbox()));
    }
    t.put("cpus", s.cpus()).put("memory", s.memory()).put("diskSize", s.diskSize());
    if (s.ports() != null) {
      t.putTreeAlways("network", new Tree().put("ports", list(s.ports(), VmTrees::port)));
    }
    if (s.storage() != null) {
      t.putTreeAlways("storage", storage(s.storage()));
    }
    t.put("copyFiles", s.copyFiles() == null ? null : list(s.copyFiles(), VmTrees::copyFile));
    return t.put("ssh", ssh(s.ssh()));
  }

  static Tree status(VmStatus s) {
    Tree t = new Tree().put("running", s.running()).put("startTime", s.startTime());
    if (s.runtime() != null) {
      t.putTreeAlways(
          "runtime", new Tree().put("name", s.runtime().name()).put("id", s.runtime().id()));
    }
    if (s.network() != null) {
      t.putTreeAlways(
          "network",
          new Tree()
              .put("plugin", s.network().plugin())
              .put("ipAddresses", s.network().ipAddresses()));
    }
    t.putTreeAlways("image", oci(s.image())).putTreeAlways("kernel", oci(s.kernel()));
    t.put("idPrefix", s.idPrefix());
    if (!s.conditions().isEmpty()) {
      t.put("conditions", list(s.conditions(), VmTrees::condition));
    }
    return t;
  }

  /** Null when there is no source; an empty tree when the source has no fields set. */
  static Tree oci(OciSource o) {
    if (o == null) {
      return null;
    }
    Tree t = new Tree().put("id", o.id()).put("size", o.size());
    return o.repoDigests().isEmpty() ? t : t.put("repoDigests", o.repoDigests());
  }

  private static Tree kernel(KernelSpec k) {
    return k == null ? null : new Tree().put("oci", k.oci()).put("cmdLine", k.cmdLine());
  }

  private static Map<String, Object> port(PortMapping p) {
    return new Tree()
        .put("hostPort", p.hostPort())
        .put("vmPort", p.vmPort())
        .put("bindAddress", p.bindAddress())
        .put("protocol", p.protocol().wireName())
        .map();
  }

  private static Tree storage(StorageSpec s) {
    Tree t = new Tree();
    if (!s.volumes().isEmpty()) {
      t.put("volumes", list(s.volumes(), VmTrees::volume));
    }
    if (!s.volumeMounts().isEmpty()) {
      t.put("volumeMounts", list(s.volumeMounts(), VmTrees::mount));
    }
    return t;
  }

  private static Map<String, Object> volume(StorageSpec.Volume v) {
    return new Tree()
        .put("name", v.name())
        .putTree("blockDevice", new Tree().put("path", v.blockDevicePath()))
        .map();
  }

  private static Map<String, Object> mount(StorageSpec.VolumeMount m) {
    return new Tree().put("name", m.name()).put("mountPath", m.mountPath()).map();
  }

  private static Map<String, Object> copyFile(FileMapping f) {
    return new Tree().put("hostPath", f.hostPath()).put("vmPath", f.vmPath()).map();
  }

  private static Object ssh(SshSpec s) {
    if (s == null) {
      return null;
    }
    return s.publicKeyPath() != null ? s.publicKeyPath() : Boolean.valueOf(s.generate());
  }

  private static Map<String, Object> condition(Condition c) {
    return new Tree()
        .put("type", c.type())
        .put("status", c.status())
        .put("reason", c.reason())
        .put("message", c.message())
        .put("lastTransitionTime", c.lastTransitionTime())
        .map();
  }

  private static <T> List<Object> list(List<T> items, Function<T, Object> each) {
    List<Object> out = new ArrayList<>(items.size());
    items.forEach(i -> out.add(each.apply(i)));
    return out;
  }
}
