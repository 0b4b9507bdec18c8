package dev.ignite.api.codec;

import dev.ignite.api.KernelSpec;
import dev.ignite.api.SshSpec;
import dev.ignite.api.VmSpec;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a VM {@code spec} (also Configuration {@code vmDefaults}). Fields not written stay null:
 * defaults are layered later, never here.
 */
final class VmSpecDecoder {
  static final String IMAGE_HINT = "the OCI image to boot, e.g. weaveworks/ignite-ubuntu";

  private VmSpecDecoder() {}

  /** {@code spec} may be null (not written); a VM then still reports its missing image. */
  static VmSpec decode(Fields spec, boolean imageRequired, Fields parent) {
    if (spec == null) {
      if (imageRequired) {
        parent.missing("spec", "a VM needs at least spec.image.oci: " + IMAGE_HINT);
      }
      return VmSpec.UNSET;
    }
    VmSpec result =
        new VmSpec(
            image(spec, imageRequired),
            kernel(spec),
            ociOf(spec, "sandbox"),
            spec.integerIn("cpus", 1, VmSpec.MAX_CPUS, "a VM needs at least 1 CPU"),
            spec.size("memory"),
            spec.size("diskSize"),
            PortsDecoder.decode(spec),
            StorageDecoder.decode(spec),
            StorageDecoder.copyFiles(spec),
            ssh(spec));
    spec.finish();
    return result;
  }

  private static String image(Fields spec, boolean required) {
    Fields image = spec.object("image");
    if (image == null) {
      if (required) {
        spec.missing("image", "with oci: " + IMAGE_HINT);
      }
      return null;
    }
    String oci = image.nonEmpty("oci");
    if (oci == null && required) {
      image.missing("oci", IMAGE_HINT);
    }
    image.finish();
    return oci;
  }

  private static KernelSpec kernel(Fields spec) {
    Fields kernel = spec.object("kernel");
    if (kernel == null) {
      return null;
    }
    KernelSpec result = new KernelSpec(kernel.nonEmpty("oci"), kernel.string("cmdLine"));
    kernel.finish();
    return result;
  }

  private static String ociOf(Fields spec, String key) {
    Fields f = spec.object(key);
    if (f == null) {
      return null;
    }
    String oci = f.nonEmpty("oci");
    f.finish();
    return oci;
  }

  private static SshSpec ssh(Fields spec) {
    Node v = spec.take("ssh");
    if (v == null) {
      return null;
    }
    if (v instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
      return Scalars.bool(s) ? SshSpec.GENERATE : SshSpec.DISABLED;
    }
    if (v instanceof ScalarNode s && s.getTag().equals(Tag.STR) && !s.getValue().isEmpty()) {
      return SshSpec.publicKey(s.getValue());
    }
    spec.error(
        v,
        "ssh",
        "want true (generate a key), false, or the path of a public key, got "
            + Scalars.describe(v));
    return null;
  }
}
