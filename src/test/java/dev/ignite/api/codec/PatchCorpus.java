package dev.ignite.api.codec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files under src/test/resources/dev/ignite/api/codec/patcher, each with a VM named my-vm. */
final class PatchCorpus {
  static final String VM = "my-vm";

  private PatchCorpus() {}

  static List<Path> files() {
    try (Stream<Path> files = Files.list(directory())) {
      return files.filter(f -> !f.getFileName().toString().startsWith(".")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path directory() {
    try {
      return Path.of(PatchCorpus.class.getResource("patcher").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
