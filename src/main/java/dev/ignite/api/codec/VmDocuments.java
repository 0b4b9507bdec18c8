package dev.ignite.api.codec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Where the VM documents of a file are and what they are named, read leniently: enough to tie an
 * error in a file that does not decode to the VM it is about. A file that is not YAML has none.
 */
public final class VmDocuments {
  private VmDocuments() {}

  /**
   * A VM document's name, its lines (1-based, inclusive) and the fields of its {@code Ready}
   * condition as written (status, reason, message, lastTransitionTime), empty when it has none.
   */
  public record VmDocument(
      String name,
      String apiVersion,
      int firstLine,
      int lastLine,
      Map<String, String> ready,
      java.util.Optional<Boolean> running) {
    public boolean holds(int line) {
      return line >= firstLine && line <= lastLine;
    }
  }

  public static List<VmDocument> of(String text) {
    List<VmDocument> out = new ArrayList<>();
    try {
      for (Node doc : new Compose(ManifestDecoder.SETTINGS).composeAllFromString(text)) {
        String name = vmName(doc);
        if (name != null && doc instanceof MappingNode map) {
          int first = doc.getStartMark().map(m -> m.getLine() + 1).orElse(1);
          int last = doc.getEndMark().map(m -> m.getLine() + 1).orElse(Integer.MAX_VALUE);
          out.add(
              new VmDocument(
                  name, scalar(map, "apiVersion"), first, last, ready(map), running(map)));
        }
      }
    } catch (YamlEngineException | StackOverflowError e) {
      return out; // what was read before the damage still counts
    }
    return out;
  }

  /** The name of a VM document; null for other documents and for a VM without one. */
  static String vmName(Node doc) {
    if (doc instanceof MappingNode map && "VM".equals(scalar(map, "kind"))) {
      return value(map, "metadata") instanceof MappingNode m ? scalar(m, "name") : null;
    }
    return null;
  }

  private static java.util.Optional<Boolean> running(MappingNode doc) {
    if (value(doc, "status") instanceof MappingNode status) {
      String v = scalar(status, "running");
      if ("true".equals(v) || "false".equals(v)) {
        return java.util.Optional.of(Boolean.parseBoolean(v));
      }
    }
    return java.util.Optional.empty();
  }

  private static Map<String, String> ready(MappingNode doc) {
    Map<String, String> out = new HashMap<>();
    if (value(doc, "status") instanceof MappingNode status
        && value(status, "conditions") instanceof SequenceNode list) {
      for (Node c : list.getValue()) {
        if (c instanceof MappingNode m && "Ready".equals(scalar(m, "type"))) {
          for (String k : List.of("status", "reason", "message", "lastTransitionTime")) {
            String v = scalar(m, k);
            if (v != null) {
              out.put(k, v);
            }
          }
        }
      }
    }
    return out;
  }

  private static Node value(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return t.getValueNode();
      }
    }
    return null;
  }

  private static String scalar(MappingNode map, String key) {
    return value(map, key) instanceof ScalarNode s ? s.getValue() : null;
  }
}
