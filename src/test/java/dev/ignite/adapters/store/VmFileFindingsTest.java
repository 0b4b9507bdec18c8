package dev.ignite.adapters.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.api.Vm;
import dev.ignite.ports.StoreException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Store files on which VmFileFuzzTest once found a failure, as named regressions. */
class VmFileFindingsTest {
  private final ObjectFileCodec codec = new ObjectFileCodec();

  /** crash-1c180cfd…: an IllegalArgumentException from the YAML library, past `ignite ps`. */
  @Test
  void aTagTheYamlReaderCannotBuildIsADamagedFile() {
    Path file = Path.of("vms/0123456789abcdef/metadata.json");

    assertThatThrownBy(() -> codec.decode(Vm.class, file, "!5%c"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(file + ":1:1: invalid YAML: the reader refused this node");
  }
}
