package dev.ignite.adapters.oci.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.ports.ImportedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageRecordsTest {
  @TempDir Path cache;

  private static final String ID = "sha256:" + "a".repeat(64);
  private static final String LAYER = "sha256:" + "b".repeat(64);

  @Test
  void aRecordReadsBackAsItWasWrittenWhateverTheReferenceHolds() throws Exception {
    ImageRecords records = new ImageRecords(cache);
    String ref = "oci:/tmp/my dir=x:y#z!\\ü\t/layout:1";
    ImportedImage image =
        new ImportedImage(ID, ref, 1234, List.of("127.0.0.1:5000/x@" + ID), List.of(LAYER), 99);
    records.save(image);
    ImportedImage read = records.find(ID).orElseThrow();
    assertThat(read.ref()).isEqualTo(ref);
    assertThat(read.sizeBytes()).isEqualTo(1234);
    assertThat(read.repoDigests()).containsExactly("127.0.0.1:5000/x@" + ID);
    assertThat(read.layers()).containsExactly(LAYER);
  }

  @Test
  void recordsWrittenByPropertiesStoreStillRead() throws Exception {
    ImageRecords records = new ImageRecords(cache);
    Properties p = new Properties();
    p.setProperty("id", ID);
    p.setProperty("ref", "127.0.0.1:5000/sample:1");
    p.setProperty("layers", LAYER);
    try (var w =
        Files.newBufferedWriter(cache.resolve("images").resolve("a".repeat(64) + ".properties"))) {
      p.store(w, null);
    }
    assertThat(records.find(ID).orElseThrow().ref()).isEqualTo("127.0.0.1:5000/sample:1");
  }
}
