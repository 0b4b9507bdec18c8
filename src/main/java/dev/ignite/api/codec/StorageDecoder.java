package dev.ignite.api.codec;

import dev.ignite.api.FileMapping;
import dev.ignite.api.Names;
import dev.ignite.api.StorageSpec;
import dev.ignite.api.StorageSpec.Volume;
import dev.ignite.api.StorageSpec.VolumeMount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code spec.storage} (volumes and their mounts) and {@code spec.copyFiles}. */
final class StorageDecoder {
  private StorageDecoder() {}

  static StorageSpec decode(Fields spec) {
    Fields storage = spec.object("storage");
    if (storage == null) {
      return null;
    }
    List<Volume> volumes = volumes(storage.objects("volumes"));
    List<VolumeMount> mounts = mounts(storage.objects("volumeMounts"), volumes);
    storage.finish();
    return new StorageSpec(volumes, mounts);
  }

  private static List<Volume> volumes(List<Fields> items) {
    List<Volume> out = new ArrayList<>();
    for (Fields v : items == null ? List.<Fields>of() : items) {
      String name = volumeName(v);
      Fields device = v.object("blockDevice");
      String path = device == null ? null : absolutePath(device, "path");
      if (device == null) {
        v.missing("blockDevice", "with path: a host block device or raw image file");
      } else {
        device.finish();
      }
      v.finish();
      if (name != null && path != null) {
        out.add(new Volume(name, path));
      }
    }
    return out;
  }

  private static List<VolumeMount> mounts(List<Fields> items, List<Volume> volumes) {
    Set<String> names = new HashSet<>();
    volumes.forEach(v -> names.add(v.name()));
    List<VolumeMount> out = new ArrayList<>();
    for (Fields m : items == null ? List.<Fields>of() : items) {
      Node nameNode = m.take("name");
      String name = m.peek("name");
      if (nameNode == null) {
        m.missing("name", "the name of a volume in storage.volumes");
      } else if (name == null || !names.contains(name)) {
        m.error(
            nameNode,
            "name",
            "no volume named " + Scalars.describe(nameNode) + " in spec.storage.volumes");
        name = null;
      }
      String mountPath = absolutePath(m, "mountPath");
      m.finish();
      if (name != null && mountPath != null) {
        out.add(new VolumeMount(name, mountPath));
      }
    }
    return out;
  }

  static List<FileMapping> copyFiles(Fields spec) {
    List<Fields> items = spec.objects("copyFiles");
    if (items == null) {
      return null;
    }
    List<FileMapping> out = new ArrayList<>(items.size());
    for (Fields f : items) {
      String host = path(f, "hostPath");
      String vm = absolutePath(f, "vmPath");
      f.finish();
      if (host != null && vm != null) {
        out.add(new FileMapping(host, vm));
      }
    }
    return out;
  }

  private static String volumeName(Fields v) {
    Node node = v.take("name");
    if (node == null) {
      v.missing("name", "a volume name like data");
      return null;
    }
    String name = v.peek("name");
    String problem = name == null ? "want a name" : Names.problem(name).orElse(null);
    if (problem != null) {
      v.error(node, "name", problem);
      return null;
    }
    return name;
  }

  /**
   * A required host path. It may be relative: a manifest from Git names files of its repository
   * that way, and ignited resolves them there; anywhere else the VM is refused before it is made (a
   * relative path would depend on the working directory).
   */
  private static String path(Fields f, String key) {
    Node node = f.take(key);
    if (node == null) {
      f.missing(key, "a path");
      return null;
    }
    String path = f.peek(key);
    if (path == null || path.isEmpty()) {
      f.error(node, key, "want a path, got " + Scalars.describe(node));
      return null;
    }
    return path;
  }

  /** A required absolute path: relative paths would depend on the daemon's working directory. */
  private static String absolutePath(Fields f, String key) {
    Node node = f.take(key);
    if (node == null) {
      f.missing(key, "an absolute path");
      return null;
    }
    String path = f.peek(key);
    if (path == null || !path.startsWith("/")) {
      f.error(node, key, "want an absolute path, got " + Scalars.describe(node));
      return null;
    }
    return path;
  }
}
