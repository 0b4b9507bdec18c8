package dev.ignite.cli;

import dev.ignite.api.Configuration;
import dev.ignite.api.codec.DecodedObject;
import dev.ignite.api.codec.ManifestDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the host's Configuration object: {@code --ignite-config}, else the default file. */
final class HostConfig {
  static final Path DEFAULT = Path.of("/etc/ignite/config.yaml");

  private HostConfig() {}

  static Configuration read(String flag) {
    Path file = flag != null ? Path.of(flag) : DEFAULT;
    if (flag == null && !Files.isRegularFile(file)) {
      return Configuration.EMPTY;
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new CliException("cannot read --ignite-config " + file + ": " + e.getMessage());
    }
    List<DecodedObject> objects = ManifestDecoder.decode(file.toString(), text).orThrow();
    List<Configuration> configs =
        objects.stream()
            .map(DecodedObject::object)
            .filter(Configuration.class::isInstance)
            .map(Configuration.class::cast)
            .toList();
    if (configs.size() != 1) {
      throw new CliException(
          file + ": want exactly one object of kind Configuration, found " + configs.size());
    }
    return configs.get(0);
  }
}
