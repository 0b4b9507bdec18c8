package dev.ignite.api.codec;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/** Parses every document of a file and finds the one VM document with a given name. */
final class StatusDocumentLocator {
  static final String GROUP = "ignite.weave.works/";

  private StatusDocumentLocator() {}

  static LoadSettings settings() {
    return LoadSettings.builder().setSchema(new CoreSchema()).setUseMarks(true).build();
  }

  /**
   * @throws ManifestException when the text is not YAML, carrying the line and column
   * @throws IllegalArgumentException when no document, or more than one, is the VM {@code vmName}
   */
  static PatchTarget locate(String text, String vmName) {
    List<PatchTarget> found = new ArrayList<>();
    for (Node document : parse(text)) {
      if (document instanceof MappingNode root && isVm(root, vmName)) {
        found.add(
            new PatchTarget(
                root,
                (MappingNode) PatchNodes.entry(root, "metadata").orElseThrow().getValueNode(),
                PatchNodes.entry(root, "status")));
      }
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException(
          "no document of kind VM with metadata.name '" + vmName + "' in the file");
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException(
          "the file has " + found.size() + " VM documents named '" + vmName + "'");
    }
    return found.get(0);
  }

  private static boolean isVm(MappingNode root, String vmName) {
    boolean ours =
        PatchNodes.scalar(root, "apiVersion").map(v -> v.startsWith(GROUP)).orElse(false);
    boolean vm = PatchNodes.scalar(root, "kind").map("VM"::equals).orElse(false);
    return ours
        && vm
        && PatchNodes.entry(root, "metadata")
            .map(t -> t.getValueNode())
            .filter(MappingNode.class::isInstance)
            .flatMap(m -> PatchNodes.scalar(m, "name"))
            .map(vmName::equals)
            .orElse(false);
  }

  /** All documents, read to the end so that a broken later document is reported too. */
  private static List<Node> parse(String text) {
    List<Node> documents = new ArrayList<>();
    try {
      NestingGuard.composeAll(settings(), text).forEach(documents::add);
    } catch (YamlEngineException e) {
      YamlFailure failure = YamlFailure.of(text, e);
      throw new ManifestException(
          List.of(
              new FieldError(
                  "",
                  failure.line(),
                  failure.column(),
                  "",
                  "not valid YAML: " + failure.problem())));
    }
    return documents;
  }
}
