package dev.ignite.api.codec;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import dev.ignite.testing.FuzzTarget;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Any file in a user's Git repository: the status patcher either refuses it as documented (not
 * YAML, with line and column; or not exactly one VM named my-vm) or changes nothing outside the
 * status block and the added uid, reads back the status it wrote, and leaves a second patch with
 * nothing to do ({@link PatchProperties}). A full status, an empty one, then the full one again.
 */
class StatusPatcherFuzzTest {
  private static final Map<String, Object> RUNNING = StatusPatcherCorpusTest.runningStatus();

  @FuzzTarget
  @DictionaryFile(resourcePath = "manifest.dict")
  void patchChangesOnlyTheStatusBlock(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    if (refused(text)) {
      return;
    }
    String once = PatchProperties.patchAndCheck(text, PatchCorpus.VM, RUNNING, Optional.of("0a1b"));
    String empty = PatchProperties.patchAndCheck(once, PatchCorpus.VM, Map.of(), Optional.empty());
    PatchProperties.patchAndCheck(empty, PatchCorpus.VM, RUNNING, Optional.empty());
  }

  /** The two refusals the patcher documents; any other exception is a finding. */
  private static boolean refused(String text) {
    try {
      StatusPatcher.patch(text, PatchCorpus.VM, RUNNING, Optional.of("0a1b"));
      return false;
    } catch (ManifestException e) {
      FieldError error = e.errors().get(0);
      if (error.line() < 1 || error.column() < 1) {
        throw new AssertionError("a YAML error without its place: " + error, e);
      }
      return true;
    } catch (IllegalArgumentException e) {
      if (e.getClass() != IllegalArgumentException.class) {
        throw e; // e.g. a NumberFormatException: not a documented refusal
      }
      return true;
    }
  }
}
