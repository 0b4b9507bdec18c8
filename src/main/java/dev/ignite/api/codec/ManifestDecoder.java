package dev.ignite.api.codec;

import dev.ignite.api.ApiObject;
import dev.ignite.api.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Reads YAML or JSON manifests (one or many documents) of group ignite.weave.works, versions
 * v1alpha2..v1alpha4, strictly: unknown fields, wrong types, bad sizes and names are errors that
 * carry file, line, column and field path. No I/O: the caller passes the text.
 *
 * <p>Hostile text is an error like any other, never a crash: nesting deeper than {@link
 * #MAX_NESTING} levels (aliases included) or an alias inside the node it names is reported at its
 * line and column.
 */
public final class ManifestDecoder {
  static final LoadSettings SETTINGS =
      LoadSettings.builder().setSchema(new CoreSchema()).setAllowDuplicateKeys(true).build();

  /**
   * The deepest nesting of mappings and sequences read; the state store's JSON reader uses it too.
   */
  public static final int MAX_NESTING = NestingGuard.MAX_DEPTH;

  private ManifestDecoder() {}

  /** {@code file} is only used to label errors. */
  public static Decoded decode(String file, String text) {
    Problems problems = new Problems(file);
    List<DecodedObject> objects = new ArrayList<>();
    List<Decoded.Skipped> skipped = new ArrayList<>();
    int index = 0;
    try {
      for (Node doc : NestingGuard.composeAll(SETTINGS, text)) {
        document(doc, index++, problems, objects, skipped);
      }
    } catch (YamlEngineException e) {
      YamlFailure failure = YamlFailure.of(text, e);
      problems.at(failure.line(), failure.column(), "", "invalid YAML: " + failure.problem());
    }
    return new Decoded(objects, problems.sorted(), skipped);
  }

  private static void document(
      Node doc,
      int index,
      Problems problems,
      List<DecodedObject> objects,
      List<Decoded.Skipped> skipped) {
    if (doc == null || Scalars.isNull(doc)) {
      return; // an empty document, e.g. after a trailing ---
    }
    int line = doc.getStartMark().map(m -> m.getLine() + 1).orElse(1);
    if (!(doc instanceof MappingNode)) {
      skipped.add(new Decoded.Skipped(index, null, null, line));
      return;
    }
    Fields root = Fields.of(doc, "", doc, problems);
    Optional<Header> header = Header.read(root);
    if (header.isEmpty()) {
      skipped.add(new Decoded.Skipped(index, root.peek("apiVersion"), root.peek("kind"), line));
      return;
    }
    Header h = header.get();
    int before = problems.count();
    Kind kind = h.kind(root);
    String version = h.version(root);
    if (kind == null || version == null) {
      return; // the header is wrong: the rest cannot be read against a schema
    }
    ApiObject object = KindDecoders.decode(kind, root, version);
    if (problems.count() == before) {
      objects.add(new DecodedObject(object, index, version, line));
    }
  }
}
