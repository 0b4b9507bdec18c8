package dev.ignite.api.codec;

import dev.ignite.api.ApiObject;
import dev.ignite.api.Kind;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The apiVersion and kind of a document. A document is ours when its apiVersion names our group, or
 * when it names no apiVersion but one of our kinds (a forgotten apiVersion is then reported);
 * anything else, like an apps/v1 Deployment, belongs to someone else and is skipped.
 */
record Header(String apiVersion, String kind) {
  static final Set<String> VERSIONS = Set.of("v1alpha2", "v1alpha3", "v1alpha4");
  private static final String PREFIX = ApiObject.GROUP + "/";

  static Optional<Header> read(Fields root) {
    String apiVersion = root.peek("apiVersion");
    String kind = root.peek("kind");
    boolean ourGroup = apiVersion != null && apiVersion.startsWith(PREFIX);
    boolean ourKindWithoutGroup =
        apiVersion == null && kind != null && Kind.fromWire(kind).isPresent();
    return ourGroup || ourKindWithoutGroup
        ? Optional.of(new Header(apiVersion, kind))
        : Optional.empty();
  }

  /** The version, or null after reporting why it is not one we read. */
  String version(Fields root) {
    Node node = root.take("apiVersion");
    if (apiVersion == null) {
      root.missing("apiVersion", ApiObject.GROUP + "/" + ApiObject.WRITE_VERSION);
      return null;
    }
    String version = apiVersion.substring(PREFIX.length());
    if (!VERSIONS.contains(version)) {
      root.error(
          node,
          "apiVersion",
          "unknown version \""
              + version
              + "\" of "
              + ApiObject.GROUP
              + ": want v1alpha2, v1alpha3 or v1alpha4");
      return null;
    }
    return version;
  }

  /** The kind, or null after reporting why it is not one of ours. */
  Kind kind(Fields root) {
    Node node = root.take("kind");
    if (kind == null) {
      root.missing("kind", "VM, Image, Kernel or Configuration");
      return null;
    }
    Optional<Kind> k = Kind.fromWire(kind);
    if (k.isEmpty()) {
      root.error(
          node, "kind", "unknown kind \"" + kind + "\": want VM, Image, Kernel or Configuration");
      return null;
    }
    return k.get();
  }
}
