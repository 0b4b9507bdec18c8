package dev.ignite.adapters.oci.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.adapters.oci.Layouts;
import dev.ignite.adapters.oci.OciImages;
import dev.ignite.adapters.oci.Tars;
import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImportOptions;
import dev.ignite.ports.ImportProgress;
import dev.ignite.ports.ImportedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each layer, uncompressed, must hash to what the image's config lists in rootfs.diff_ids. */
class DiffIdsTest {
  @TempDir Path work;

  private final byte[] etc = new Tars().dir("etc").file("etc/hostname", "real").bytes();
  private final byte[] other = new Tars().dir("etc").file("etc/hostname", "other").bytes();

  private ImportedImage importTag(Layouts layout, String tag) {
    return OciImages.create(work.resolve("cache"))
        .importImage(
            "oci:" + work.resolve("layout") + ":" + tag,
            ImportOptions.defaults(),
            ImportProgress.NONE);
  }

  @Test
  void aLayerMatchingItsDiffIdUnpacks() throws Exception {
    Layouts layout =
        new Layouts(work.resolve("layout"))
            .image("ok", Layouts.config(List.of(Layouts.diffId(etc))), List.of(etc));
    ImportedImage image = importTag(layout, "ok");
    OciImages.create(work.resolve("cache")).unpack(image.id(), work.resolve("rootfs"));
    assertThat(work.resolve("rootfs/etc/hostname")).hasContent("real");
  }

  @Test
  void aLayerWhoseContentIsNotItsDiffIdIsRefused() throws Exception {
    Layouts layout =
        new Layouts(work.resolve("layout"))
            .image("bad", Layouts.config(List.of(Layouts.diffId(etc))), List.of(other));
    ImportedImage image = importTag(layout, "bad");
    assertThatThrownBy(
            () ->
                OciImages.create(work.resolve("cache")).unpack(image.id(), work.resolve("rootfs")))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining(image.layers().get(0))
        .hasMessageContaining("rootfs.diff_ids")
        .hasMessageContaining(Layouts.diffId(etc));
  }

  @Test
  void aConfigListingFewerLayersThanTheManifestIsRefused() throws Exception {
    Layouts layout =
        new Layouts(work.resolve("layout"))
            .image("short", Layouts.config(List.of(Layouts.diffId(etc))), List.of(etc, other));
    ImportedImage image = importTag(layout, "short");
    assertThatThrownBy(
            () ->
                OciImages.create(work.resolve("cache")).unpack(image.id(), work.resolve("rootfs")))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("rootfs.diff_ids");
  }

  @Test
  void aConfigWithoutDiffIdsOrWithAMalformedOneSaysWhichField() {
    assertThatThrownBy(() -> DiffIds.parse("{\"rootfs\":{}}".getBytes(), "config x"))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("config x: no rootfs.diff_ids");
    assertThatThrownBy(
            () -> DiffIds.parse("{\"rootfs\":{\"diff_ids\":[\"md5:1\"]}}".getBytes(), "config x"))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("config x: rootfs.diff_ids[0]: 'md5:1' is not a sha256 digest");
  }
}
