package dev.ignite.adapters.oci;

import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImportedImage;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One small properties file per cached image, {@code images/<config hex>.properties}, written by
 * atomic rename. Lists are comma-joined: digests and references never contain commas.
 */
final class ImageRecords {
  private static final String SUFFIX = ".properties";
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
    Properties p = new Properties();
    p.setProperty("id", image.id());
    p.setProperty("ref", image.ref());
    p.setProperty("sizeBytes", Long.toString(image.sizeBytes()));
    p.setProperty("repoDigests", String.join(",", image.repoDigests()));
    p.setProperty("layers", String.join(",", image.layers()));
    Path part = PartFile.create(dir, ".image");
    try {
      try (Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
        p.store(w, null);
      }
      Files.move(
          part,
          file(image.id()),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  Optional<ImportedImage> find(String id) {
    Path file = file(id);
    return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
  }

  List<ImportedImage> all() {
    List<ImportedImage> images = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files
          .filter(f -> f.getFileName().toString().matches("[a-f0-9]{64}\\.properties"))
          .sorted()
          .forEach(f -> images.add(read(f)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return images;
  }

  boolean delete(String id) throws IOException {
    return Files.deleteIfExists(file(id));
  }

  private Path file(String id) {
    return dir.resolve(Digests.hex(id) + SUFFIX);
  }

  private static ImportedImage read(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
      return new ImportedImage(
          Digests.requireValid(p.getProperty("id")),
          p.getProperty("ref", ""),
          Long.parseLong(p.getProperty("sizeBytes", "0")),
          split(p.getProperty("repoDigests", "")),
          split(p.getProperty("layers", "")).stream().map(Digests::requireValid).toList(),
          0);
    } catch (IOException | RuntimeException e) {
      throw new ImageException(
          "image record "
              + file
              + " is unreadable ("
              + e.getMessage()
              + "); remove it and import the image again",
          e);
    }
  }

  private static List<String> split(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}
