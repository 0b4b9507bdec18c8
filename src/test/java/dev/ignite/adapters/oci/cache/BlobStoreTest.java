package dev.ignite.adapters.oci.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.adapters.oci.manifest.Digests;
import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImportProgress;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
  @TempDir Path cache;
  @TempDir Path parts;

  @Test
  void digestMismatchIsAnErrorAndKeepsNothing() throws Exception {
    BlobStore store = new BlobStore(cache);
    String claimed = Digests.of("expected".getBytes());
    assertThatThrownBy(
            () ->
                store.put(
                    parts,
                    claimed,
                    8,
                    new ByteArrayInputStream("tampered".getBytes()),
                    ImportProgress.NONE,
                    "registry test",
                    new LiveBlob(claimed, true)))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("digest mismatch");
    assertThat(store.has(claimed)).isFalse();
    try (var tmp = Files.list(parts)) {
      assertThat(tmp).isEmpty();
    }
  }

  @Test
  void storesVerifiedBlobUnderItsDigest() throws Exception {
    BlobStore store = new BlobStore(cache);
    String digest = Digests.of("layer".getBytes());
    store.put(
        parts,
        digest,
        5,
        new ByteArrayInputStream("layer".getBytes()),
        ImportProgress.NONE,
        "t",
        new LiveBlob(digest, true));
    assertThat(store.path(digest)).hasContent("layer");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.path(digest))))
        .isEqualTo("rw-------");
    assertThat(parts).isEmptyDirectory();
  }

  @Test
  void readsNoMoreThanOneByteBeyondTheSizeTheDescriptorGives() throws Exception {
    BlobStore store = new BlobStore(cache);
    String digest = Digests.of("layer".getBytes());
    long[] served = {0};
    InputStream long64MiB =
        new InputStream() {
          @Override
          public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
          }

          @Override
          public int read(byte[] b, int off, int len) {
            int n = (int) Math.min(len, (64 << 20) - served[0]);
            if (n == 0) {
              return -1;
            }
            Arrays.fill(b, off, off + n, (byte) 'x');
            served[0] += n;
            return n;
          }
        };
    assertThatThrownBy(
            () ->
                store.put(
                    parts,
                    digest,
                    5,
                    long64MiB,
                    ImportProgress.NONE,
                    "registry test",
                    new LiveBlob(digest, true)))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("larger than the 5 bytes");
    assertThat(served[0]).isEqualTo(6);
    assertThat(store.has(digest)).isFalse();
  }
}
