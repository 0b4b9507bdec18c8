package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.adapters.oci.manifest.Digests;
import dev.ignite.ports.ImportOptions;
import dev.ignite.ports.ImportProgress;
import dev.ignite.ports.ImportedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged image record costs that image, not the listing or removal of the others. */
class UnreadableRecordTest {
  @TempDir Path work;
  OciImages images;
  ImportedImage a;
  ImportedImage b;

  /** Images a and b share a layer; b's record is then damaged, its digests still in it. */
  @BeforeEach
  void twoImagesOneRecordDamaged() throws Exception {
    byte[] shared = new Tars().dir("etc").file("etc/hostname", "shared").bytes();
    byte[] own = new Tars().file("etc/motd", "b only").bytes();
    new Layouts(work.resolve("layout"))
        .image("a", Layouts.config(List.of(Layouts.diffId(shared))), List.of(shared))
        .image(
            "b",
            Layouts.config(List.of(Layouts.diffId(shared), Layouts.diffId(own))),
            List.of(shared, own));
    images = OciImages.create(work.resolve("cache"));
    a = importTag("a");
    b = importTag("b");
    Path record = work.resolve("cache/images/" + Digests.hex(b.id()) + ".properties");
    Files.writeString(record, Files.readString(record).replace("layers=", "layers=damaged,"));
  }

  private ImportedImage importTag(String tag) {
    return images.importImage(
        "oci:" + work.resolve("layout") + ":" + tag, ImportOptions.defaults(), ImportProgress.NONE);
  }

  @Test
  void theOtherImagesStillListAndTheDamagedOneIsNotFound() {
    assertThat(images.list()).extracting(ImportedImage::id).containsExactly(a.id());
    assertThat(images.find(b.id())).isEmpty();
  }

  @Test
  void removingAnotherImageKeepsTheBlobsTheDamagedRecordStillNames() {
    assertThat(images.remove(a.id())).isTrue();
    assertThat(images.list()).isEmpty();
    assertThat(work.resolve("cache/blobs/sha256/" + Digests.hex(a.layers().get(0)))).exists();
    assertThat(work.resolve("cache/blobs/sha256/" + Digests.hex(a.id()))).doesNotExist();
  }

  @Test
  void theDamagedImageCanBeRemovedOrImportedAgain() {
    assertThat(images.remove(b.id())).isTrue();
    assertThat(images.find(b.id())).isEmpty();
    ImportedImage again = importTag("b");
    assertThat(images.find(b.id())).get().extracting(ImportedImage::layers).isEqualTo(b.layers());
    assertThat(again.id()).isEqualTo(b.id());
  }
}
