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
                    new LiveBlob(claimed)))
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
        new LiveBlob(digest));
    assertThat(store.path(digest)).hasContent("layer");
  }
}
