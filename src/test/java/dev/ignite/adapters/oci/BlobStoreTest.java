package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImportProgress;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
  @TempDir Path cache;

  @Test
  void digestMismatchIsAnErrorAndKeepsNothing() throws Exception {
    BlobStore store = new BlobStore(cache);
    String claimed = Digests.of("expected".getBytes());
    assertThatThrownBy(
            () ->
                store.put(
                    claimed,
                    8,
                    new ByteArrayInputStream("tampered".getBytes()),
                    ImportProgress.NONE,
                    "registry test"))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("digest mismatch");
    assertThat(store.has(claimed)).isFalse();
    try (var tmp = Files.list(cache.resolve("tmp"))) {
      assertThat(tmp).isEmpty();
    }
  }

  @Test
  void storesVerifiedBlobUnderItsDigest() throws Exception {
    BlobStore store = new BlobStore(cache);
    String digest = Digests.of("layer".getBytes());
    store.put(digest, 5, new ByteArrayInputStream("layer".getBytes()), ImportProgress.NONE, "t");
    assertThat(store.path(digest)).hasContent("layer");
  }
}
