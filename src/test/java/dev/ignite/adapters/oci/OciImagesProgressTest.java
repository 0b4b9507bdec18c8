package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.ports.ImportOptions;
import dev.ignite.ports.ImportProgress;
import dev.ignite.ports.ImportedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciImagesProgressTest {
  @TempDir Path work;

  record Event(String phase, String digest, long done, long total) {}

  private final List<Event> events = new ArrayList<>();

  private final ImportProgress recorder =
      new ImportProgress() {
        @Override
        public void onBlob(String digest, long done, long total) {
          events.add(new Event("blob", digest, done, total));
        }

        @Override
        public void onUnpack(String digest, long done, long total) {
          events.add(new Event("unpack", digest, done, total));
        }
      };

  @Test
  void reportsEachLayersBytesWhileImportingAndWhileUnpacking() throws Exception {
    Path tar = work.resolve("rootfs.tar");
    Files.write(tar, new Tars().dir("etc").file("etc/motd", "x".repeat(300_000)).bytes());
    OciImages images = OciImages.create(work.resolve("cache"));
    ImportedImage image = images.importImage("tar:" + tar, ImportOptions.defaults(), recorder);
    events.clear();

    images.unpack(image.id(), work.resolve("rootfs"), recorder);

    String layer = image.layers().get(0);
    long size = Files.size(tar);
    assertThat(events).allMatch(e -> e.phase().equals("unpack") && e.digest().equals(layer));
    assertThat(events).allMatch(e -> e.total() == size);
    assertThat(events.get(0).done()).isZero();
    assertThat(events.get(events.size() - 1).done()).isEqualTo(size);
    assertThat(events).extracting(Event::done).isSorted().hasSizeGreaterThan(2);
    assertThat(work.resolve("rootfs/etc/motd")).hasSize(300_000);
  }
}
