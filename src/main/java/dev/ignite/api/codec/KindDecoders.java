package dev.ignite.api.codec;

import dev.ignite.api.ApiObject;
import dev.ignite.api.Configuration;
import dev.ignite.api.Image;
import dev.ignite.api.Kernel;
import dev.ignite.api.Kind;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.OciSource;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;

/** One reader per kind; each consumes the whole document so unknown fields are found. */
final class KindDecoders {
  private KindDecoders() {}

  static ApiObject decode(Kind kind, Fields root, String version) {
    ObjectMeta meta = MetaDecoder.decode(root);
    ApiObject object =
        switch (kind) {
          case VM -> vm(root, meta, version);
          case IMAGE -> image(root, meta);
          case KERNEL -> kernel(root, meta);
          case CONFIGURATION -> configuration(root, meta);
        };
    root.finish();
    return object;
  }

  private static Vm vm(Fields root, ObjectMeta meta, String version) {
    VmSpec spec = VmSpecDecoder.decode(root.object("spec"), true, root);
    return new Vm(meta, spec, VmStatusDecoder.decode(root, version));
  }

  private static Image image(Fields root, ObjectMeta meta) {
    String oci = specOci(root, "the image reference, e.g. weaveworks/ignite-ubuntu");
    Fields status = root.object("status");
    OciSource source = status == null ? null : OciSourceDecoder.decode(status, "oci");
    if (status != null) {
      status.finish();
    }
    return new Image(meta, oci, source);
  }

  private static Kernel kernel(Fields root, ObjectMeta meta) {
    String oci = specOci(root, "the kernel image reference, or host");
    Fields status = root.object("status");
    String version = status == null ? null : status.string("version");
    OciSource source = status == null ? null : OciSourceDecoder.decode(status, "oci");
    if (status != null) {
      status.finish();
    }
    return new Kernel(meta, oci, version, source);
  }

  private static String specOci(Fields root, String hint) {
    Fields spec = root.object("spec");
    if (spec == null) {
      root.missing("spec", "with oci: " + hint);
      return null;
    }
    String oci = spec.nonEmpty("oci");
    if (oci == null && spec.peek("oci") == null) {
      spec.missing("oci", hint);
    }
    spec.finish();
    return oci;
  }

  private static Configuration configuration(Fields root, ObjectMeta meta) {
    Fields spec = root.object("spec");
    if (spec == null) {
      return new Configuration(meta, null, null, null, null, null);
    }
    Configuration c =
        new Configuration(
            meta,
            spec.string("runtime"),
            spec.string("networkPlugin"),
            VmSpecDecoder.decode(spec.object("vmDefaults"), false, spec),
            spec.string("idPrefix"),
            spec.strings("insecureRegistries"));
    spec.finish();
    return c;
  }
}
