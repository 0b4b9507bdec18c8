package dev.ignite.cli;

import dev.ignite.api.Vm;
import dev.ignite.api.codec.DecodedObject;
import dev.ignite.api.codec.ManifestDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the one VM of a {@code create --config} file; every decoding error is reported. */
final class VmFile {
  private VmFile() {}

  static Vm read(String file) {
    String text;
    try {
      text = Files.readString(Path.of(file));
    } catch (IOException e) {
      throw new CliException("cannot read --config " + file + ": " + e.getMessage());
    }
    List<Vm> vms =
        ManifestDecoder.decode(file, text).orThrow().stream()
            .map(DecodedObject::object)
            .filter(Vm.class::isInstance)
            .map(Vm.class::cast)
            .toList();
    if (vms.size() != 1) {
      throw new CliException(file + ": want exactly one object of kind VM, found " + vms.size());
    }
    return vms.get(0);
  }
}
