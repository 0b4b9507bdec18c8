package dev.ignite.adapters.oci;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** An image's layers applied in order onto one directory, whatever the bytes are read from. */
final class LayerStack {
  /** Opens a layer's compressed bytes. */
  interface Source {
    InputStream open(String layer) throws IOException;
  }

  private LayerStack() {}

  static void apply(List<String> layers, Source source, Path targetDir) throws IOException {
    Files.createDirectories(targetDir);
    Path root = targetDir.toRealPath();
    boolean asRoot = "root".equals(System.getProperty("user.name"));
    for (String layer : layers) {
      try (InputStream in =
          new ReadAheadInputStream(Decompression.open(source.open(layer)), layer)) {
        new LayerUnpacker(root, asRoot).apply(in);
      }
    }
  }
}
