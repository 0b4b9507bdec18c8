package dev.ignite.api.codec;

import java.util.Map;
import java.util.Optional;

/**
 * Rewrites only the {@code status:} block (and adds a missing {@code metadata.uid}) of one VM
 * document in a user's file; every other byte stays as the user wrote it.
 */
public final class StatusPatcher {
  private StatusPatcher() {}

  /**
   * @param text the whole file, any number of documents
   * @param vmName the {@code metadata.name} of the VM document to patch
   * @param status the new status as a tree (see {@link ManifestEncoder#statusTree})
   * @param uid a uid to add when the document has none
   * @return the new text; identical to {@code text} when nothing changed
   */
  public static String patch(
      String text, String vmName, Map<String, Object> status, Optional<String> uid) {
    throw new UnsupportedOperationException("TODO");
  }
}
