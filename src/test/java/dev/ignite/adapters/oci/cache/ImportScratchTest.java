package dev.ignite.adapters.oci.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportScratchTest {
  @TempDir Path tmp;

  private static List<String> namesIn(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void closingRemovesTheFolderItsContentsAndTheLock() throws Exception {
    ImportScratch scratch = ImportScratch.open(tmp);
    Files.writeString(scratch.dir().resolve("x.part"), "x");
    Files.createDirectories(scratch.dir().resolve("tree/etc"));
    assertThat(namesIn(tmp)).hasSize(2); // the folder and its lock
    scratch.close();
    assertThat(namesIn(tmp)).isEmpty();
  }

  @Test
  void aRunningImportOfThisProcessIsNotSwept() throws Exception {
    try (ImportScratch first = ImportScratch.open(tmp);
        ImportScratch second = ImportScratch.open(tmp)) {
      assertThat(first.dir()).isDirectory();
      assertThat(second.dir()).isDirectory();
    }
  }

  @Test
  void partFilesOfOlderVersionsAreSweptOnceAnHourOld() throws Exception {
    Path old = Files.writeString(tmp.resolve("sha256-ab.123.1.part"), "x");
    Files.setLastModifiedTime(old, FileTime.fromMillis(System.currentTimeMillis() - 7_200_000));
    Path recent = Files.writeString(tmp.resolve("sha256-cd.456.2.part"), "x");
    try (ImportScratch scratch = ImportScratch.open(tmp)) {
      assertThat(old).doesNotExist();
      assertThat(recent).exists();
    }
  }
}
