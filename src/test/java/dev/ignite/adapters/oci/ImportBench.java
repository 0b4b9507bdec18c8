package dev.ignite.adapters.oci;

import dev.ignite.ports.ImportOptions;
import dev.ignite.ports.ImportProgress;
import dev.ignite.ports.ImportedImage;
import java.nio.file.Path;

/**
 * The import+unpack half of {@code bench/image-import}: {@code ImportBench REF CACHE_DIR ROOTFS_DIR
 * [INSECURE_HOST:PORT [ROUNDS]]}. Prints the in-JVM milliseconds of import and unpack, so the bench
 * can tell them from JVM start. With ROUNDS > 1 it imports into a fresh cache and tree ROUNDS times
 * in one JVM and prints the last round: what a long-running process (the daemon) pays.
 */
public final class ImportBench {
  private ImportBench() {}

  public static void main(String[] args) {
    if (args.length < 3) {
      System.err.println(
          "usage: ImportBench REF CACHE_DIR ROOTFS_DIR [INSECURE_HOST:PORT [ROUNDS]]");
      System.exit(2);
    }
    dev.ignite.cli.StderrLogging.nameToSlf4j(); // as bin/ignite starts
    ImportOptions options = ImportOptions.defaults();
    if (args.length > 3) {
      options = options.withInsecureRegistry(args[3]);
    }
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    String line = "";
    for (int round = 1; round <= rounds; round++) {
      String suffix = rounds == 1 ? "" : "-" + round;
      OciImages images = OciImages.create(Path.of(args[1] + suffix));
      long start = System.nanoTime();
      ImportedImage image = images.importImage(args[0], options, ImportProgress.NONE);
      long imported = System.nanoTime();
      images.unpack(image.id(), Path.of(args[2] + suffix));
      long unpacked = System.nanoTime();
      // no printf: the Formatter's locale set-up would be timed as ours
      line =
          "import_ms="
              + (imported - start) / 1_000_000
              + " unpack_ms="
              + (unpacked - imported) / 1_000_000
              + " downloaded="
              + image.downloadedBytes();
    }
    System.out.println(line);
  }
}
