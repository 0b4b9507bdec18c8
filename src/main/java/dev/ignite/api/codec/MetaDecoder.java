package dev.ignite.api.codec;

import dev.ignite.api.Names;
import dev.ignite.api.ObjectMeta;
import dev.ignite.api.Uid;
import java.time.Instant;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads {@code metadata}: name, uid, created, labels, annotations. */
final class MetaDecoder {
  private MetaDecoder() {}

  static ObjectMeta decode(Fields root) {
    Fields meta = root.object("metadata");
    if (meta == null) {
      return new ObjectMeta(null, null, null, Map.of(), Map.of());
    }
    String name = name(meta);
    Uid uid = uid(meta);
    Instant created = meta.time("created");
    Map<String, String> labels = meta.stringMap("labels");
    Map<String, String> annotations = meta.stringMap("annotations");
    meta.finish();
    return new ObjectMeta(name, uid, created, labels, annotations);
  }

  private static String name(Fields meta) {
    Node node = meta.take("name");
    if (node == null) {
      return null;
    }
    String name = meta.peek("name");
    if (name == null) {
      meta.error(node, "name", "want a name like my-vm, got " + Scalars.describe(node));
      return null;
    }
    String problem = Names.problem(name).orElse(null);
    if (problem != null) {
      meta.error(node, "name", problem);
      return null;
    }
    return name;
  }

  private static Uid uid(Fields meta) {
    Node node = meta.take("uid");
    if (node == null) {
      return null;
    }
    // the text as written: YAML reads `uid: 12345` as a number, but it is still that uid
    String text = meta.peek("uid");
    if (text == null || !Uid.isValid(text)) {
      meta.error(
          node,
          "uid",
          "invalid uid "
              + Scalars.describe(node)
              + ": want 1-128 letters, digits or '-' (or leave it out to get one generated)");
      return null;
    }
    return new Uid(text);
  }
}
