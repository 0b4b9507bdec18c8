package dev.ignite.api.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rewrites only the {@code status:} block (and adds a missing {@code metadata.uid}) of one VM
 * document in a user's file; every other byte stays as the user wrote it.
 *
 * <p>The file is parsed only to learn where things are; the new text is the old text with one or
 * two spans spliced in, written in the document's own style (block YAML with its indentation, a
 * flow mapping, or JSON, with the file's line ending).
 */
public final class StatusPatcher {
  private StatusPatcher() {}

  /**
   * @param text the whole file, any number of documents
   * @param vmName the {@code metadata.name} of the VM document to patch
   * @param status the new status as a tree (see {@link ManifestEncoder#statusTree})
   * @param uid a uid to add when the document has none
   * @return the new text; the very same string as {@code text} when nothing changed
   * @throws IllegalArgumentException when no VM document (or more than one) is named {@code vmName}
   * @throws ManifestException when the text is not YAML; its error carries line and column, and an
   *     empty file name for the caller to fill in
   */
  public static String patch(
      String text, String vmName, Map<String, Object> status, Optional<String> uid) {
    PatchTarget target = StatusDocumentLocator.locate(text, vmName);
    PatchText patchText = new PatchText(text);
    StatusEdits edits = new StatusEdits(patchText, PatchLayout.of(target.root(), patchText));
    List<PatchEdit> changes = new ArrayList<>();
    if (uid.isPresent() && !target.hasUid()) {
      changes.add(edits.addUid(target.metadata(), uid.get()));
    }
    if (target.status().isEmpty()) {
      changes.add(edits.append(target.root(), status));
    } else if (!StatusComparison.sameAs(target.status().get().getValueNode(), status)) {
      changes.addAll(edits.replace(target.status().get(), status));
    }
    return changes.isEmpty() ? text : PatchEdit.apply(text, changes);
  }
}
