package dev.ignite.adapters.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kernel image {@code scripts/build-kernel} left on this machine: its build folder holds {@code
 * default-image}, one line naming the OCI layout of the newest build ({@code
 * oci:BUILD/KEY/oci:RELEASE}). Read without following a link, and trusted only when it names a
 * layout inside that same folder which exists.
 */
final class BuiltKernelImage {
  private static final Logger LOG = LoggerFactory.getLogger(BuiltKernelImage.class);
  static final String ENV = "IGNITE_KERNEL_BUILD_DIR";
  static final Path ROOT_DEFAULT = Path.of("/var/lib/ignite-build/kernel");
  static final String POINTER = "default-image";
  private static final int MAX_POINTER_BYTES = 4096;
  private static final Pattern REF =
      Pattern.compile("oci:(.+)/([0-9a-f]{12})/oci:([A-Za-z0-9._-]+)");

  private BuiltKernelImage() {}

  /** Where builds go: {@code $IGNITE_KERNEL_BUILD_DIR}, else a root or per-user default. */
  static Path buildDir(Map<String, String> env, boolean root, Path home) {
    String fromEnv = env.get(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    if (root) {
      return ROOT_DEFAULT;
    }
    String cache = env.get("XDG_CACHE_HOME");
    Path base = cache != null && !cache.isBlank() ? Path.of(cache) : home.resolve(".cache");
    return base.resolve("ignite-build").resolve("kernel");
  }

  /** The reference of the built kernel image, or empty when there is none (or none to trust). */
  static Optional<String> find(Path buildDir) {
    Path pointer = buildDir.resolve(POINTER);
    String line;
    try {
      line = readPointer(pointer);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      LOG.warn("ignoring {}: {}", pointer, e.getMessage());
      return Optional.empty();
    }
    Matcher ref = REF.matcher(line);
    Path dir = buildDir.toAbsolutePath().normalize();
    if (!ref.matches() || !Path.of(ref.group(1)).equals(dir)) {
      LOG.warn(
          "ignoring {}: \"{}\" is not oci:{}/KEY/oci:TAG; run scripts/build-kernel again",
          pointer,
          line,
          dir);
      return Optional.empty();
    }
    Path layout = buildDir.resolve(ref.group(2)).resolve("oci");
    if (!Files.isRegularFile(layout.resolve("index.json"), LinkOption.NOFOLLOW_LINKS)) {
      LOG.warn("ignoring {}: {} holds no OCI layout; run scripts/build-kernel", pointer, layout);
      return Optional.empty();
    }
    return Optional.of(line);
  }

  /** A FIFO or device would block or never end: only a regular file, and not through a link. */
  private static String readPointer(Path pointer) throws IOException {
    if (!Files.exists(pointer, LinkOption.NOFOLLOW_LINKS)) {
      throw new NoSuchFileException(pointer.toString());
    }
    if (!Files.isRegularFile(pointer, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("not a regular file");
    }
    byte[] bytes;
    try (InputStream in =
        Files.newInputStream(pointer, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      bytes = in.readNBytes(MAX_POINTER_BYTES);
    }
    return new String(bytes, StandardCharsets.UTF_8).strip();
  }
}
