package dev.ignite.gitops;

import dev.ignite.api.codec.VmDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The VM documents of one file of a checkout, read leniently; never through a link. */
final class FileDocuments {
  private FileDocuments() {}

  static List<VmDocuments.VmDocument> of(Path checkout, String file) {
    return text(checkout, file).map(VmDocuments::of).orElse(List.of());
  }

  /** The file's text; empty when it is gone, a link, too big or unreadable. */
  static Optional<String> text(Path checkout, String file) {
    Path path = checkout.resolve(file);
    if (!Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try {
      if (Files.size(path) > ManifestReader.MAX_FILE_BYTES) {
        return Optional.empty();
      }
      return Optional.of(Files.readString(path, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  static Optional<VmDocuments.VmDocument> find(Path checkout, String file, String name) {
    return of(checkout, file).stream().filter(d -> d.name().equals(name)).findFirst();
  }
}
