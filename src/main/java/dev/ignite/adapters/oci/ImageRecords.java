package dev.ignite.adapters.oci;

import dev.ignite.ports.ImportedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import land.oras.utils.JsonUtils;

/** One JSON file per cached image, {@code images/<config hex>.json}, written by atomic rename. */
final class ImageRecords {
  private final Path dir;

  ImageRecords(Path cacheDir) {
    this.dir = cacheDir.resolve("images");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  void save(ImportedImage image) throws IOException {
    Path file = file(image.id());
    Path part = Files.createTempFile(dir, ".image", ".part");
    try {
      Files.writeString(
          part, JsonUtils.toJson(image.withDownloadedBytes(0)), StandardCharsets.UTF_8);
      Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  Optional<ImportedImage> find(String id) {
    Path file = file(id);
    return Files.isRegularFile(file)
        ? Optional.of(JsonUtils.fromJson(file, ImportedImage.class))
        : Optional.empty();
  }

  List<ImportedImage> all() {
    List<ImportedImage> images = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files
          .filter(f -> f.getFileName().toString().matches("[a-f0-9]{64}\\.json"))
          .sorted()
          .forEach(f -> images.add(JsonUtils.fromJson(f, ImportedImage.class)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return images;
  }

  boolean delete(String id) throws IOException {
    return Files.deleteIfExists(file(id));
  }

  private Path file(String id) {
    return dir.resolve(Digests.hex(id) + ".json");
  }
}
