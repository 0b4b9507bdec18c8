package dev.ignite.adapters.oci.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveBlobTest {
  @TempDir Path dir;

  private static CompletableFuture<byte[]> readAllBeside(InputStream in) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (in) {
            return in.readAllBytes();
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  @Test
  void readerFollowsThePartFileAndEndsWhenTheBlobIsStored() throws Exception {
    LiveBlob blob = new LiveBlob("sha256:x", true);
    CompletableFuture<byte[]> read = readAllBeside(blob.open());
    Path part = dir.resolve("x.part");
    Files.createFile(part);
    blob.landing(part);
    for (String chunk : new String[] {"one ", "two ", "three"}) {
      Files.writeString(part, chunk, StandardOpenOption.APPEND);
      blob.wrote(Files.size(part));
      Thread.sleep(20); // the reader catches up and waits at the end of what is written
      assertThat(read).isNotDone();
    }
    Path stored = dir.resolve("x");
    Files.move(part, stored);
    blob.stored(stored, Files.size(stored));
    assertThat(new String(read.get(5, TimeUnit.SECONDS))).isEqualTo("one two three");
  }

  @Test
  void readerSeesTheDownloadFailEvenAfterReadingItsFirstBytes() throws Exception {
    LiveBlob blob = new LiveBlob("sha256:y", true);
    Path part = dir.resolve("y.part");
    Files.writeString(part, "unverified");
    blob.landing(part);
    blob.wrote(Files.size(part));
    InputStream in = blob.open();
    assertThat(in.readNBytes(10)).hasSize(10);
    blob.fail("digest mismatch");
    assertThatThrownBy(in::read)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("digest mismatch");
  }

  @Test
  void readerOpeningAfterThePartWasRenamedReadsTheStoredBlob() throws Exception {
    LiveBlob blob = new LiveBlob("sha256:z", true);
    Path part = dir.resolve("z.part");
    Files.writeString(part, "whole blob");
    blob.landing(part);
    blob.wrote(Files.size(part));
    Path stored = dir.resolve("z");
    Files.move(part, stored); // renamed, not yet reported: the reader must wait for stored()
    CompletableFuture<byte[]> read = readAllBeside(blob.open());
    Thread.sleep(20);
    blob.stored(stored, Files.size(stored));
    assertThat(new String(read.get(5, TimeUnit.SECONDS))).isEqualTo("whole blob");
  }

  @Test
  void aCachedBlobReadsAtOnceAndAFailureAfterwardsChangesNothing() throws Exception {
    LiveBlob blob = new LiveBlob("sha256:c", true);
    Path stored = Files.writeString(dir.resolve("c"), "cached");
    blob.stored(stored, Files.size(stored));
    blob.fail("the import ended");
    try (InputStream in = blob.open()) {
      assertThat(new String(in.readAllBytes())).isEqualTo("cached");
    }
  }

  @Test
  void aSecondDownloadOfTheSameBlobFailsItsReaders() throws Exception {
    LiveBlob blob = new LiveBlob("sha256:d", true);
    blob.landing(Files.createFile(dir.resolve("d1.part")));
    blob.landing(Files.createFile(dir.resolve("d2.part")));
    assertThatThrownBy(() -> blob.open().read())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("downloaded twice");
  }

  @Test
  void aBlobReadableOnlyOnceVerifiedGivesItsReaderNothingWhileItLands() throws Exception {
    LiveBlob blob = new LiveBlob("sha256:v", false);
    Path part = dir.resolve("v.part");
    Files.writeString(part, "unverified");
    blob.landing(part);
    blob.wrote(Files.size(part));
    CompletableFuture<byte[]> read = readAllBeside(blob.open());
    Thread.sleep(50);
    assertThat(read).isNotDone();
    blob.fail("digest mismatch");
    assertThatThrownBy(() -> read.get(5, TimeUnit.SECONDS))
        .hasRootCauseInstanceOf(IOException.class)
        .hasRootCauseMessage("download of sha256:v failed: digest mismatch");
  }

  @Test
  void aBlobReadableOnlyOnceVerifiedIsReadWholeOnceStored() throws Exception {
    LiveBlob blob = new LiveBlob("sha256:w", false);
    Path part = dir.resolve("w.part");
    Files.writeString(part, "verified");
    blob.landing(part);
    blob.wrote(Files.size(part));
    CompletableFuture<byte[]> read = readAllBeside(blob.open());
    Path stored = dir.resolve("w");
    Files.move(part, stored);
    blob.stored(stored, Files.size(stored));
    assertThat(new String(read.get(5, TimeUnit.SECONDS))).isEqualTo("verified");
  }
}
