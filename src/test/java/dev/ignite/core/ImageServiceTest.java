package dev.ignite.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.adapters.store.FileStateStore;
import dev.ignite.api.Image;
import dev.ignite.ports.ImageSource;
import dev.ignite.ports.ImportOptions;
import dev.ignite.ports.ImportProgress;
import dev.ignite.ports.ImportedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images are known by their normalised reference, on an in-memory image source. */
class ImageServiceTest {
  private static final String BUSYBOX = "docker.io/library/busybox:latest";

  /** Knows two spellings of busybox and one other image; counts imports. */
  private static final class FakeSource implements ImageSource {
    final List<String> imported = new ArrayList<>();
    final Map<String, String> normal =
        Map.of("busybox", BUSYBOX, "library/busybox", BUSYBOX, BUSYBOX, BUSYBOX);
    final Map<String, String> configs =
        Map.of(
            BUSYBOX,
            "sha256:" + "b".repeat(64),
            "docker.io/library/alpine:latest",
            "sha256:" + "a".repeat(64));

    @Override
    public String normalise(String ref) {
      return normal.getOrDefault(ref, "docker.io/library/" + ref + ":latest");
    }

    @Override
    public ImportedImage importImage(String ref, ImportOptions o, ImportProgress p) {
      String n = normalise(ref);
      imported.add(n);
      return new ImportedImage(configs.get(n), n, 10, List.of(), List.of(), 10);
    }

    @Override
    public void unpack(String imageId, Path targetDir) {}

    @Override
    public List<ImportedImage> list() {
      return List.of();
    }

    @Override
    public Optional<ImportedImage> find(String imageId) {
      return imported.stream()
          .filter(n -> configs.get(n).equals(imageId))
          .map(n -> new ImportedImage(imageId, n, 10, List.of(), List.of(), 0))
          .findFirst();
    }

    @Override
    public boolean remove(String imageId) {
      return imported.removeIf(n -> configs.get(n).equals(imageId));
    }
  }

  @TempDir Path dir;
  FileStateStore store;
  FakeSource source;
  ImageService images;

  @BeforeEach
  void open() {
    store = FileStateStore.open(dir);
    source = new FakeSource();
    images =
        new ImageService(
            store, store::objectDir, source, ImportOptions.defaults(), Clock.systemUTC());
  }

  @Test
  void anImageIsRecordedUnderItsNormalisedReference() {
    Image image = images.importImage("busybox", ImportProgress.NONE).image();
    assertThat(image.oci()).isEqualTo(BUSYBOX);
  }

  @Test
  void everySpellingFindsTheImageWithoutImportingItAgain() {
    images.importImage("busybox", ImportProgress.NONE);
    Image a = images.ensure("library/busybox", ImportProgress.NONE);
    Image b = images.ensure(BUSYBOX, ImportProgress.NONE);
    assertThat(source.imported).containsExactly(BUSYBOX);
    assertThat(a.metadata().uid()).isEqualTo(b.metadata().uid());
    assertThat(images.get("library/busybox").metadata().uid()).isEqualTo(a.metadata().uid());
  }

  @Test
  void anotherImageIsImportedNotMistakenForOne() {
    images.importImage("busybox", ImportProgress.NONE);
    Image alpine = images.ensure("alpine", ImportProgress.NONE);
    assertThat(alpine.oci()).isEqualTo("docker.io/library/alpine:latest");
    assertThat(source.imported).containsExactly(BUSYBOX, "docker.io/library/alpine:latest");
  }
}
