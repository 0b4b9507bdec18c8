package dev.ignite.api.codec;

import dev.ignite.api.ApiObject;
import dev.ignite.api.Configuration;
import dev.ignite.api.Image;
import dev.ignite.api.Kernel;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.Vm;
import dev.ignite.api.VmSpec;
import dev.ignite.api.VmStatus;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Writes objects as apiVersion ignite.weave.works/v1alpha4, in a fixed key order. The tree form is
 * an ordered map of String, Long, Boolean, List and Map, shared by the YAML and JSON writers and by
 * the status patcher.
 */
public final class ManifestEncoder {
  // the reader's schema, so text that it would read as a bool or null ("True", "~") gets quoted
  private static final DumpSettings YAML =
      DumpSettings.builder()
          .setDefaultFlowStyle(FlowStyle.BLOCK)
          .setSchema(new CoreSchema())
          .setIndent(2)
          .setIndicatorIndent(2)
          .setIndentWithIndicator(true)
          .setWidth(Integer.MAX_VALUE)
          .setSplitLines(false)
          .build();

  private ManifestEncoder() {}

  public static Map<String, Object> toTree(ApiObject object) {
    Tree t =
        new Tree()
            .put("apiVersion", ApiObject.GROUP + "/" + ApiObject.WRITE_VERSION)
            .put("kind", object.kind().wireName())
            .putTreeAlways("metadata", metadata(object.metadata()));
    if (object instanceof Vm vm) {
      t.putTreeAlways("spec", VmTrees.spec(vm.spec()))
          .putTreeAlways("status", VmTrees.status(vm.status()));
    } else if (object instanceof Image image) {
      t.putTreeAlways("spec", new Tree().put("oci", image.oci()));
      t.putTree("status", new Tree().putTreeAlways("oci", VmTrees.oci(image.source())));
    } else if (object instanceof Kernel kernel) {
      t.putTreeAlways("spec", new Tree().put("oci", kernel.oci()));
      t.putTree(
          "status",
          new Tree()
              .put("version", kernel.version())
              .putTreeAlways("oci", VmTrees.oci(kernel.source())));
    } else if (object instanceof Configuration c) {
      t.putTreeAlways("spec", configuration(c));
    }
    return t.map();
  }

  public static Map<String, Object> statusTree(VmStatus status) {
    return VmTrees.status(status).map();
  }

  /**
   * The status tree in the shape of a document's own apiVersion: v1alpha2 keeps its addresses flat
   * under {@code status.ipAddresses}; later versions nest them under {@code status.network}.
   */
  public static Map<String, Object> statusTree(VmStatus status, String apiVersion) {
    Map<String, Object> tree = statusTree(status);
    if (apiVersion == null || !apiVersion.endsWith("/v1alpha2")) {
      return tree;
    }
    Map<String, Object> flat = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Object> e : tree.entrySet()) {
      if (e.getKey().equals("network")) {
        Object ips = ((Map<?, ?>) e.getValue()).get("ipAddresses");
        if (ips != null) {
          flat.put("ipAddresses", ips);
        }
      } else {
        flat.put(e.getKey(), e.getValue());
      }
    }
    return flat;
  }

  public static String toYaml(ApiObject object) {
    return new Dump(YAML).dumpToString(toTree(object));
  }

  public static String toJson(ApiObject object) {
    return JsonWriter.write(toTree(object));
  }

  private static Tree metadata(ObjectMeta m) {
    return new Tree()
        .put("name", m.name())
        .put("uid", m.uid() == null ? null : m.uid().value())
        .put("created", m.created())
        .putSorted("labels", m.labels())
        .putSorted("annotations", m.annotations());
  }

  private static Tree configuration(Configuration c) {
    Tree t = new Tree().put("runtime", c.runtime()).put("networkPlugin", c.networkPlugin());
    if (!c.vmDefaults().equals(VmSpec.UNSET)) {
      t.putTreeAlways("vmDefaults", VmTrees.spec(c.vmDefaults()));
    }
    t.put("idPrefix", c.idPrefix());
    return c.insecureRegistries().isEmpty()
        ? t
        : t.put("insecureRegistries", c.insecureRegistries());
  }
}
