package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.ports.ImportedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackedTreesTest {
  @TempDir Path cache;

  @Test
  void sweepRemovesTreesWhoseImageHasNoRecordAndKeepsTheOthers() throws Exception {
    String recorded = "a".repeat(64);
    String orphan = "b".repeat(64);
    ImageRecords records = new ImageRecords(cache);
    records.save(new ImportedImage("sha256:" + recorded, "oci:/x:1", 1, List.of(), List.of(), 0));
    Path unpacked = cache.resolve("unpacked");
    Files.createDirectories(unpacked.resolve(recorded).resolve("etc"));
    Files.createDirectories(unpacked.resolve(orphan).resolve("etc"));
    Files.writeString(unpacked.resolve(orphan).resolve("etc/hostname"), "left by a crash");
    Files.createDirectories(unpacked.resolve("not-a-digest"));

    new UnpackedTrees(cache).sweepUnrecorded(records);

    assertThat(unpacked.resolve(recorded)).isDirectory();
    assertThat(unpacked.resolve(orphan)).doesNotExist();
    assertThat(unpacked.resolve("not-a-digest")).doesNotExist();
  }

  @Test
  void aCacheWithoutTreesIsNothingToSweep() {
    new UnpackedTrees(cache).sweepUnrecorded(new ImageRecords(cache));
    assertThat(cache.resolve("unpacked")).doesNotExist();
  }
}
