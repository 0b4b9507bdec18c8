package dev.ignite.adapters.oci.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.ports.ImportedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackedTreesTest {
  private static final String LAYER = "sha256:" + "b".repeat(64);
  @TempDir Path cache;

  @Test
  void sweepRemovesTreesWhoseImageHasNoRecordAndKeepsTheOthers() throws Exception {
    String config = "sha256:" + "a".repeat(64);
    List<String> layers = List.of(LAYER);
    String recorded = UnpackedTrees.key(config, layers);
    String orphan = UnpackedTrees.key("sha256:" + "b".repeat(64), layers);
    ImageRecords records = new ImageRecords(cache);
    records.save(new ImportedImage(config, "oci:/x:1", 1, List.of(), layers, 0));
    Path unpacked = cache.resolve("unpacked");
    Files.createDirectories(unpacked.resolve(recorded).resolve("etc"));
    Files.createDirectories(unpacked.resolve(orphan).resolve("etc"));
    Files.writeString(unpacked.resolve(orphan).resolve("etc/hostname"), "left by a crash");
    Files.createDirectories(unpacked.resolve("not-a-digest"));
    Files.createDirectories(unpacked.resolve("a".repeat(64))); // named by its config alone

    new UnpackedTrees(cache).sweepUnrecorded(records);

    assertThat(unpacked.resolve(recorded)).isDirectory();
    assertThat(unpacked.resolve(orphan)).doesNotExist();
    assertThat(unpacked.resolve("not-a-digest")).doesNotExist();
    assertThat(unpacked.resolve("a".repeat(64))).doesNotExist();
  }

  @Test
  void theKeyOfATreeCoversTheConfigAndEachLayerInOrder() {
    String config = "sha256:" + "a".repeat(64);
    String other = "sha256:" + "c".repeat(64);
    String key = UnpackedTrees.key(config, List.of(LAYER, other));
    assertThat(key).matches("[0-9a-f]{64}");
    assertThat(UnpackedTrees.key(config, List.of(LAYER))).isNotEqualTo(key);
    assertThat(UnpackedTrees.key(config, List.of(other, LAYER))).isNotEqualTo(key);
    assertThat(UnpackedTrees.key(other, List.of(LAYER, other))).isNotEqualTo(key);
  }

  @Test
  void aCacheWithoutTreesIsNothingToSweep() {
    new UnpackedTrees(cache).sweepUnrecorded(new ImageRecords(cache));
    assertThat(cache.resolve("unpacked")).doesNotExist();
  }
}
