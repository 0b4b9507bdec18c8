package dev.ignite.adapters.store;

import dev.ignite.api.Condition;
import dev.ignite.api.FileMapping;
import dev.ignite.api.KernelSpec;
import dev.ignite.api.Names;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.OciSource;
import dev.ignite.api.PortMapping;
import dev.ignite.api.SshSpec;
import dev.ignite.api.StorageSpec;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import dev.ignite.api.VmStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the VM files that the store itself wrote (v1alpha4 JSON, exactly the codec's shape) about
 * five times faster than the general decoder, which composes YAML nodes with positions: it is what
 * keeps `ignite ps` with 1,000 VMs under half a second. Anything it does not expect, down to one
 * unknown key or one value the codec would refuse, returns empty and the caller falls back to the
 * strict codec, which stays the authority (and the only source of error messages). VmFileFuzzTest
 * checks that the two agree on any input.
 */
final class FastVmReader {
  private FastVmReader() {}

  static Optional<Vm> read(String text) {
    try {
      JsonObj root = JsonObj.of(JsonTree.parse(text));
      if (!"ignite.weave.works/v1alpha4".equals(root.string("apiVersion"))
          || !"VM".equals(root.string("kind"))) {
        return Optional.empty();
      }
      Vm vm =
          new Vm(meta(root.obj("metadata")), spec(root.obj("spec")), status(root.obj("status")));
      root.finish();
      return Optional.of(vm);
    } catch (java.io.IOException | RuntimeException e) {
      return Optional.empty(); // not our shape: the codec reads it and explains any problem
    }
  }

  private static ObjectMeta meta(JsonObj m) {
    String name = m.string("name");
    if (name != null && !Names.isValid(name)) {
      throw new IllegalArgumentException(name);
    }
    ObjectMeta meta =
        new ObjectMeta(
            name,
            m.uid("uid"),
            m.time("created"),
            m.stringMap("labels"),
            m.stringMap("annotations"));
    m.finish();
    return meta;
  }

  private static VmSpec spec(JsonObj s) {
    VmSpec spec =
        new VmSpec(
            s.objOpt("image")
                .map(o -> o.finishWith(CodecRules.nonEmpty(o.string("oci"))))
                .orElse(null),
            s.objOpt("kernel")
                .map(
                    k ->
                        k.finishWith(
                            new KernelSpec(
                                CodecRules.nonEmpty(k.string("oci")), k.string("cmdLine"))))
                .orElse(null),
            s.objOpt("sandbox")
                .map(o -> o.finishWith(CodecRules.nonEmpty(o.string("oci"))))
                .orElse(null),
            CodecRules.cpus(s.integer("cpus")),
            s.size("memory"),
            s.size("diskSize"),
            s.objOpt("network")
                .map(n -> n.finishWith(n.list("ports", FastVmReader::port)))
                .orElse(null),
            s.objOpt("storage").map(FastVmReader::storage).orElse(null),
            s.list(
                "copyFiles",
                o ->
                    o.finishWith(
                        new FileMapping(
                            CodecRules.nonEmpty(o.string("hostPath")),
                            CodecRules.absolute(o.string("vmPath"))))),
            ssh(s.take("ssh")));
    s.finish();
    if (spec.image() == null) {
      throw new IllegalArgumentException("spec.image.oci is required");
    }
    return spec;
  }

  private static PortMapping port(JsonObj p) {
    return p.finishWith(
        new PortMapping(
            CodecRules.port(p.integer("hostPort")),
            CodecRules.port(p.integer("vmPort")),
            CodecRules.bindAddress(p.string("bindAddress")),
            CodecRules.protocol(p.string("protocol"))));
  }

  private static StorageSpec storage(JsonObj s) {
    List<StorageSpec.Volume> volumes = s.list("volumes", FastVmReader::volume);
    Set<String> names = new HashSet<>();
    (volumes == null ? List.<StorageSpec.Volume>of() : volumes).forEach(v -> names.add(v.name()));
    List<StorageSpec.VolumeMount> mounts = s.list("volumeMounts", m -> mount(m, names));
    return s.finishWith(new StorageSpec(volumes, mounts));
  }

  private static StorageSpec.Volume volume(JsonObj v) {
    String name = v.string("name");
    if (name == null || !Names.isValid(name)) {
      throw new IllegalArgumentException("volume name " + name);
    }
    JsonObj device = v.obj("blockDevice");
    String path = device.finishWith(CodecRules.absolute(device.string("path")));
    return v.finishWith(new StorageSpec.Volume(name, path));
  }

  private static StorageSpec.VolumeMount mount(JsonObj m, Set<String> volumes) {
    String name = m.string("name");
    if (!volumes.contains(name)) {
      throw new IllegalArgumentException("no volume " + name);
    }
    return m.finishWith(
        new StorageSpec.VolumeMount(name, CodecRules.absolute(m.string("mountPath"))));
  }

  private static SshSpec ssh(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof Boolean b) {
      return b ? SshSpec.GENERATE : SshSpec.DISABLED;
    }
    return SshSpec.publicKey(CodecRules.nonEmpty((String) v));
  }

  private static VmStatus status(JsonObj s) {
    VmStatus status =
        new VmStatus(
            s.bool("running"),
            s.time("startTime"),
            s.objOpt("runtime")
                .map(
                    r -> r.finishWith(new VmStatus.RuntimeStatus(r.string("name"), r.string("id"))))
                .orElse(null),
            s.objOpt("network")
                .map(
                    n ->
                        n.finishWith(
                            new VmStatus.NetworkStatus(
                                n.string("plugin"), n.list("ipAddresses", null))))
                .orElse(null),
            s.objOpt("image").map(FastVmReader::oci).orElse(null),
            s.objOpt("kernel").map(FastVmReader::oci).orElse(null),
            s.string("idPrefix"),
            s.list("conditions", FastVmReader::condition));
    s.finish();
    return status;
  }

  private static OciSource oci(JsonObj o) {
    List<String> digests = o.list("repoDigests", null);
    return o.finishWith(new OciSource(o.string("id"), o.size("size"), digests));
  }

  private static Condition condition(JsonObj c) {
    return c.finishWith(
        new Condition(
            CodecRules.required(CodecRules.nonEmpty(c.string("type"))),
            CodecRules.conditionStatus(c.string("status")),
            c.string("reason"),
            c.string("message"),
            c.time("lastTransitionTime")));
  }
}
