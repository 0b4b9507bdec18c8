package dev.ignite.adapters.oci.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.adapters.oci.Tars;
import dev.ignite.adapters.oci.manifest.Descriptor;
import dev.ignite.adapters.oci.manifest.Digests;
import dev.ignite.adapters.oci.unpack.UnpackLimits;
import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImportProgress;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportSessionTest {
  private static final String CONFIG = "sha256:" + "c".repeat(64);
  @TempDir Path cache;

  /** Bytes the unpack beside the download read of the layer, as its progress reports them. */
  private final CountDownLatch unpackRead = new CountDownLatch(1);

  private final ImportProgress progress =
      new ImportProgress() {
        @Override
        public void onBlob(String digest, long done, long total) {}

        @Override
        public void onUnpack(String layer, long done, long total) {
          if (done > 0) {
            unpackRead.countDown();
          }
        }
      };

  /**
   * The layer's bytes, all but the last one at once; the last one only once the unpack beside the
   * download has read some, or after {@code seconds}: an unpack that reads landing bytes shows it
   * by then.
   */
  private InputStream landing(byte[] bytes, int seconds) {
    return new FilterInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (in.available() == 1) {
          try {
            unpackRead.await(seconds, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return super.read(b, off, Math.min(len, Math.max(1, in.available() - 1)));
      }
    };
  }

  private static Descriptor layer(String digest, long size) {
    return new Descriptor(
        "application/vnd.oci.image.layer.v1.tar", digest, size, Optional.empty(), Map.of());
  }

  @Test
  void fromAPlainHttpRegistryNothingIsUnpackedBeforeItsDigestIsChecked() throws Exception {
    byte[] layer = new Tars().dir("etc").file("etc/hostname", "tampered").bytes();
    String claimed = Digests.of(new Tars().dir("etc").file("etc/hostname", "real").bytes());
    try (ImportScratch scratch = ImportScratch.open(cache.resolve("tmp"))) {
      ImportSession session =
          new ImportSession(
              new BlobStore(cache),
              progress,
              new UnpackedTrees(cache),
              scratch,
              UnpackLimits.DEFAULT);
      session.layersKnown(CONFIG, List.of(layer(claimed, layer.length)), false);

      assertThatThrownBy(() -> session.put(claimed, layer.length, landing(layer, 2), "registry x"))
          .isInstanceOf(ImageException.class)
          .hasMessageContaining("digest mismatch");
      session.rollback();
    }
    assertThat(unpackRead.getCount()).as("bytes unpacked before the digest check").isEqualTo(1);
  }

  @Test
  void overVerifiedTlsALayerIsUnpackedWhileItLands() throws Exception {
    byte[] layer = new Tars().dir("etc").file("etc/hostname", "real").bytes();
    String digest = Digests.of(layer);
    try (ImportScratch scratch = ImportScratch.open(cache.resolve("tmp"))) {
      ImportSession session =
          new ImportSession(
              new BlobStore(cache),
              progress,
              new UnpackedTrees(cache),
              scratch,
              UnpackLimits.DEFAULT);
      session.layersKnown(CONFIG, List.of(layer(digest, layer.length)), true);
      session.put(digest, layer.length, landing(layer, 60), "registry x");
      session.rollback();
    }
    assertThat(unpackRead.getCount()).as("bytes unpacked while the layer landed").isZero();
  }
}
