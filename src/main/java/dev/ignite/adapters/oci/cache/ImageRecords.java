package dev.ignite.adapters.oci.cache;

import dev.ignite.adapters.oci.manifest.Digests;
import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImportedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One small properties file per cached image, {@code images/<config hex>.properties}, written by
 * atomic rename. Lists are comma-joined: digests and references never contain commas.
 */
public final class ImageRecords {
  private static final Logger LOG = LoggerFactory.getLogger(ImageRecords.class);
  private static final String SUFFIX = ".properties";
  private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
  private final Path dir;

  public ImageRecords(Path cacheDir) {
    this.dir = cacheDir.resolve("images");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  public void save(ImportedImage image) throws IOException {
    Properties p = new Properties();
    p.setProperty("id", image.id());
    p.setProperty("ref", image.ref());
    p.setProperty("sizeBytes", Long.toString(image.sizeBytes()));
    p.setProperty("repoDigests", String.join(",", image.repoDigests()));
    p.setProperty("layers", String.join(",", image.layers()));
    StringWriter text = new StringWriter();
    p.store(text, null);
    Path part = Files.createTempFile(dir, ".image.", ".part");
    try {
      Files.writeString(part, text.toString(), StandardCharsets.UTF_8);
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

  /** The image's record; empty when there is none or it is unreadable (said in a warning). */
  public Optional<ImportedImage> find(String id) {
    Path file = file(id);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(read(file));
    } catch (ImageException e) {
      warnUnreadable(e);
      return Optional.empty();
    }
  }

  /**
   * Every record file: the readable records, and the digests an unreadable one still names, whose
   * blobs are kept: what it lists cannot be known for sure.
   */
  public record Listing(List<ImportedImage> images, Set<String> namedByUnreadable) {}

  public Listing list() {
    List<ImportedImage> images = new ArrayList<>();
    Set<String> named = new HashSet<>();
    for (Path file : files()) {
      try {
        images.add(read(file));
      } catch (ImageException e) {
        warnUnreadable(e);
        named.addAll(digestsIn(file));
      }
    }
    return new Listing(images, named);
  }

  /** The readable records; an unreadable one is skipped with a warning. */
  public List<ImportedImage> all() {
    return list().images();
  }

  private List<Path> files() {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().matches("[a-f0-9]{64}\\.properties"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  /**
   * Whatever looks like a digest in a damaged record's first MiB: in its values as properties read
   * them (records escape {@code :}), else in its raw text.
   */
  private static Set<String> digestsIn(Path file) {
    String text;
    try (InputStream in = Files.newInputStream(file)) {
      text = new String(in.readNBytes(1 << 20), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      LOG.warn("cannot read {}: {}", file, e.toString());
      return Set.of();
    }
    StringBuilder all = new StringBuilder(text);
    try {
      Properties p = new Properties();
      p.load(new StringReader(text));
      p.values().forEach(v -> all.append('\n').append(v));
    } catch (IOException | IllegalArgumentException e) {
      // not even properties: the raw text is all there is
    }
    Set<String> found = new HashSet<>();
    for (Matcher m = DIGEST.matcher(all); m.find(); ) {
      found.add(m.group());
    }
    return found;
  }

  private static void warnUnreadable(ImageException e) {
    LOG.warn("{}; skipping it", e.getMessage());
  }

  public boolean delete(String id) throws IOException {
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
              + "); import the image again",
          e);
    }
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
