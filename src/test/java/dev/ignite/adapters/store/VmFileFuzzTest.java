package dev.ignite.adapters.store;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import dev.ignite.api.Vm;
import dev.ignite.api.codec.Decoded;
import dev.ignite.api.codec.ManifestDecoder;
import dev.ignite.ports.StoreException;
import dev.ignite.testing.FuzzTarget;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Any bytes in a VM's metadata.json (a local user, a full disk, a crash mid-write): the store reads
 * a VM or refuses the file with a StoreException, which `ignite ps` turns into a warning. The fast
 * reader reads exactly what the strict codec reads, or steps aside; its JSON parser fails only with
 * an IOException.
 */
class VmFileFuzzTest {
  private static final Path FILE = Path.of("vms/0123456789abcdef/metadata.json");
  private final ObjectFileCodec codec = new ObjectFileCodec();

  @FuzzTarget
  @DictionaryFile(resourcePath = "vm-file.dict")
  void aVmFileReadsAsTheCodecReadsItOrIsRefused(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    try {
      JsonTree.parse(text);
    } catch (IOException refused) {
      // the one way the JSON parser may fail
    }
    Optional<Vm> fast = FastVmReader.read(text);
    if (fast.isPresent()) {
      Decoded strict = ManifestDecoder.decode(FILE.toString(), text);
      if (!strict.ok() || !strict.objects().get(0).object().equals(fast.get())) {
        throw new AssertionError("the fast reader read " + fast.get() + ", the codec " + strict);
      }
    }
    try {
      codec.decode(Vm.class, FILE, text);
    } catch (StoreException refused) {
      // a damaged file, skipped with a warning by list()
    }
  }
}
