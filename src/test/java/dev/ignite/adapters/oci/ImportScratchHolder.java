package dev.ignite.adapters.oci;

import dev.ignite.adapters.oci.cache.ImportScratch;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For {@link ImportScratchTest}: an import's scratch held by a process of its own, which the test
 * kills outright. Prints the folder once a part file is in it, then waits to be killed.
 */
public final class ImportScratchHolder {
  private ImportScratchHolder() {}

  public static void main(String[] args) throws Exception {
    ImportScratch scratch = ImportScratch.open(Path.of(args[0]));
    Files.writeString(scratch.dir().resolve("layer.part"), "half a layer");
    Files.createDirectories(scratch.dir().resolve("tree/usr/bin"));
    System.out.println(scratch.dir());
    System.out.flush();
    Thread.sleep(120_000);
  }
}
