package dev.ignite.adapters.oci.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.adapters.oci.Layouts;
import dev.ignite.adapters.oci.OciImages;
import dev.ignite.adapters.oci.Tars;
import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImportOptions;
import dev.ignite.ports.ImportProgress;
import dev.ignite.ports.ImportedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A layer that inflates past the image's limits is an error, not a full disk. */
class UnpackLimitsTest {
  @TempDir Path work;

  /** A gzip rootfs tar holding one file of {@code size} zero bytes: a few KB on disk. */
  private Path bomb(long size) throws IOException {
    Path file = work.resolve("bomb.tar.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      TarArchiveEntry e = new TarArchiveEntry("zeros");
      e.setSize(size);
      tar.putArchiveEntry(e);
      byte[] zeros = new byte[1 << 16];
      for (long left = size; left > 0; left -= zeros.length) {
        tar.write(zeros, 0, (int) Math.min(zeros.length, left));
      }
      tar.closeArchiveEntry();
    }
    return file;
  }

  private ImportedImage importTar(OciImages images, Path tar) {
    return images.importImage("tar:" + tar, ImportOptions.defaults(), ImportProgress.NONE);
  }

  @Test
  void aLayerInflatingPastTheByteLimitIsRefusedBeforeItFillsTheDisk() throws Exception {
    Path tar = bomb(64L << 20);
    assertThat(Files.size(tar)).isLessThan(1 << 20);
    OciImages images = OciImages.create(work.resolve("cache"), new UnpackLimits(8 << 20, 1000));
    ImportedImage image = importTar(images, tar);
    Path rootfs = work.resolve("rootfs");
    assertThatThrownBy(() -> images.unpack(image.id(), rootfs))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining(image.layers().get(0))
        .hasMessageContaining("8388608 bytes")
        .hasMessageContaining("IGNITE_IMAGE_MAX_BYTES");
    assertThat(Files.size(rootfs.resolve("zeros"))).isLessThanOrEqualTo(8 << 20);
  }

  @Test
  void aLayerWithMoreEntriesThanTheLimitIsRefused() throws Exception {
    Tars many = new Tars();
    for (int i = 0; i < 30; i++) {
      many.file("f" + i, "x");
    }
    Path tar = Files.write(work.resolve("many.tar"), many.bytes());
    OciImages images = OciImages.create(work.resolve("cache"), new UnpackLimits(1 << 30, 20));
    ImportedImage image = importTar(images, tar);
    assertThatThrownBy(() -> images.unpack(image.id(), work.resolve("rootfs")))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("20 entries")
        .hasMessageContaining("IGNITE_IMAGE_MAX_ENTRIES");
  }

  @Test
  void theLimitsCountOverAllLayersOfAnImage() throws Exception {
    byte[] ten = tenFiles("a");
    byte[] tenMore = tenFiles("b");
    new Layouts(work.resolve("layout"))
        .image(
            "t",
            Layouts.config(List.of(Layouts.diffId(ten), Layouts.diffId(tenMore))),
            List.of(ten, tenMore));
    OciImages images = OciImages.create(work.resolve("cache"), new UnpackLimits(1 << 30, 15));
    ImportedImage image =
        images.importImage(
            "oci:" + work.resolve("layout") + ":t", ImportOptions.defaults(), ImportProgress.NONE);
    assertThatThrownBy(() -> images.unpack(image.id(), work.resolve("rootfs")))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining(image.layers().get(1));
  }

  private static byte[] tenFiles(String prefix) {
    Tars t = new Tars();
    for (int i = 0; i < 10; i++) {
      t.file(prefix + i, "x");
    }
    return t.bytes();
  }

  @Test
  void theEnvironmentSetsTheLimitsAndABadValueIsNamed() {
    assertThat(UnpackLimits.from(Map.of())).isEqualTo(UnpackLimits.DEFAULT);
    assertThat(
            UnpackLimits.from(
                Map.of("IGNITE_IMAGE_MAX_BYTES", "1000", "IGNITE_IMAGE_MAX_ENTRIES", " 7 ")))
        .isEqualTo(new UnpackLimits(1000, 7));
    assertThatThrownBy(() -> UnpackLimits.from(Map.of("IGNITE_IMAGE_MAX_BYTES", "10GB")))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("IGNITE_IMAGE_MAX_BYTES='10GB'");
  }
}
