package dev.ignite.adapters.oci;

import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImportedImage;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
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

  /**
   * Written in {@link Properties#load}'s syntax by hand: {@link Properties#store} also writes the
   * date, and its time-zone set-up cost a fresh JVM ~8 ms per import.
   */
  void save(ImportedImage image) throws IOException {
    StringBuilder text = new StringBuilder(512);
    line(text, "id", image.id());
    line(text, "ref", image.ref());
    line(text, "sizeBytes", Long.toString(image.sizeBytes()));
    line(text, "repoDigests", String.join(",", image.repoDigests()));
    line(text, "layers", String.join(",", image.layers()));
    Path part = PartFile.create(dir, ".image");
    try {
      Files.writeString(part, text, StandardCharsets.UTF_8);
      Files.move(
          part,
          file(image.id()),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(part);
    }
  }

  boolean has(String id) {
    return Files.isRegularFile(file(id));
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
          validDigests(split(p.getProperty("layers", ""))),
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

  /** {@code key=value}, every character of the value outside printable ASCII or special escaped. */
  static void line(StringBuilder text, String key, String value) {
    text.append(key).append('=');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c > ' ' && c < 0x7f && "\\=:#!".indexOf(c) < 0) {
        text.append(c);
      } else {
        String hex = Integer.toHexString(c);
        text.append("\\u").append("0000", hex.length(), 4).append(hex);
      }
    }
    text.append('\n');
  }

  private static List<String> validDigests(List<String> digests) {
    for (String digest : digests) {
      Digests.requireValid(digest);
    }
    return List.copyOf(digests);
  }

  private static List<String> split(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}
