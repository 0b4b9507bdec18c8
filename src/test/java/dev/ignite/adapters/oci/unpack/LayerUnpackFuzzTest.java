package dev.ignite.adapters.oci.unpack;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import dev.ignite.ports.ImageException;
import dev.ignite.testing.FuzzTarget;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any bytes as a layer, applied onto a lower layer that holds links out of the root (one relative,
 * one absolute): the unpacker writes only under its root, never through a link, and fails only with
 * an IOException or an ImageException, which the importer reports naming the layer. Not as root:
 * device nodes are left out (as the unpacker does for a user), so fuzzing makes none.
 */
class LayerUnpackFuzzTest {
  private static Path sandbox;
  private static Path root;
  private static Path outside;
  private static Map<String, String> outsideBefore;

  @BeforeAll
  static void sandbox() throws IOException {
    sandbox = Files.createTempDirectory("layer-fuzz").toRealPath();
    outside = Files.createDirectories(sandbox.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "host file");
    Files.createDirectories(outside.resolve("dir"));
    root = Files.createDirectories(sandbox.resolve("root"));
    outsideBefore = FuzzSandbox.snapshot(sandbox, root);
  }

  @AfterAll
  static void clean() throws IOException {
    FuzzSandbox.delete(sandbox);
  }

  /**
   * The first byte chooses whether every 512-byte block gets a right header checksum: a mutated
   * header almost always fails there, so without it the fuzzer would rarely get past the first.
   */
  @FuzzTarget
  @DictionaryFile(resourcePath = "layer.dict")
  void aLayerWritesOnlyUnderItsRootOrIsRefused(byte[] input) throws IOException {
    byte[] tar = input.length == 0 ? input : Arrays.copyOfRange(input, 1, input.length);
    if (input.length > 0 && (input[0] & 1) == 1) {
      TarChecksums.fix(tar);
    }
    lowerLayer();
    UnpackBudget budget = new UnpackBudget(new UnpackLimits(1 << 20, 1_000));
    try {
      new LayerUnpacker(root, false, budget)
          .apply(budget.counted(new ByteArrayInputStream(tar), "sha256:fuzz"));
    } catch (IOException | ImageException refused) {
      // a damaged or hostile layer: the import fails naming it
    }
    Map<String, String> after = FuzzSandbox.snapshot(sandbox, root);
    if (!after.equals(outsideBefore)) {
      throw new AssertionError("the layer changed the host outside its root: " + after);
    }
  }

  /** What a lower layer may leave: links out of the tree, which this layer must not follow. */
  private static void lowerLayer() throws IOException {
    FuzzSandbox.delete(root);
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/passwd"), "root:x:0:0::/root:/bin/sh\n");
    Files.createSymbolicLink(root.resolve("up"), Path.of("../outside"));
    Files.createSymbolicLink(root.resolve("abs"), outside);
    Files.createSymbolicLink(root.resolve("etc/secret"), outside.resolve("secret"));
    if (!Files.isSymbolicLink(root.resolve("up"))
        || Files.exists(root.resolve("up/x"), LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalStateException("the lower layer was not made as planned");
    }
  }
}
