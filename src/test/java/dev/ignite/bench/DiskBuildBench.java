package dev.ignite.bench;

import dev.ignite.adapters.disk.Disks;
import dev.ignite.api.Size;
import dev.ignite.ports.DiskBuilder;
import dev.ignite.ports.RootDisk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * bench/disk-build: our DiskBuilder against bare {@code mkfs.ext4 -d} on the same tree and size,
 * alternating runs so all see the same machine load. "cold" is the first VM of an image (its base
 * disk is deleted before each run), "steady" a later VM (base disk cached: the bench waits,
 * untimed, for the background write the first VM started). One untimed warm-up round, then medians.
 */
public final class DiskBuildBench {
  private DiskBuildBench() {}

  public static void main(String[] args) throws Exception {
    Path tree = Path.of(args[0]).toAbsolutePath();
    Path work = Path.of(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    DiskBuilder builder = Disks.ext4();
    List<Double> cold = new ArrayList<>();
    List<Double> steady = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    for (int i = -1; i < runs; i++) {
      deleteBases(tree);
      double c = ours(builder, tree, work.resolve("cold.ext4"));
      awaitBase(tree);
      double s = ours(builder, tree, work.resolve("steady.ext4"));
      double b = bare(tree, work.resolve("bare.ext4"));
      if (i >= 0) {
        cold.add(c);
        steady.add(s);
        bare.add(b);
      }
    }
    deleteBases(tree);
    double c = median(cold);
    double s = median(steady);
    double m = median(bare);
    System.out.printf(
        Locale.ROOT, "tree %s, disk 4GB, %d runs each (median wall time)%n", tree, runs);
    System.out.printf(
        Locale.ROOT,
        "  DiskBuilder, first VM (mkfs + debugfs + rename):     %8.1f ms  %.2fx%n",
        c,
        c / m);
    System.out.printf(
        Locale.ROOT,
        "  DiskBuilder, base cached (copy + debugfs + rename):  %8.1f ms  %.2fx%n",
        s,
        s / m);
    System.out.printf(
        Locale.ROOT, "  bare mkfs.ext4 -d on the same tree:                  %8.1f ms%n", m);
    System.out.printf(Locale.ROOT, "  (target <= 1.20x)%n");
  }

  private static double ours(DiskBuilder builder, Path tree, Path disk) throws IOException {
    long t0 = System.nanoTime();
    builder.build(
        new RootDisk(
            tree,
            disk,
            Size.ofGiB(4),
            "bench",
            Optional.of("ssh-ed25519 AAAA bench"),
            List.of(),
            Optional.empty(),
            List.of()));
    double ms = (System.nanoTime() - t0) / 1e6;
    Files.delete(disk);
    return ms;
  }

  private static double bare(Path tree, Path disk) throws Exception {
    long t1 = System.nanoTime();
    Process p =
        new ProcessBuilder(
                "mkfs.ext4", "-q", "-F", "-d", tree.toString(), "-L", "root", disk.toString(), "4G")
            .inheritIO()
            .start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("bare mkfs.ext4 failed");
    }
    double ms = (System.nanoTime() - t1) / 1e6;
    Files.delete(disk);
    return ms;
  }

  /** Waits for the base disk the first VM's build writes in the background. */
  private static void awaitBase(Path tree) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (bases(tree).isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no base disk beside " + tree + " after 60 s");
      }
      Thread.sleep(5);
    }
  }

  private static List<Path> bases(Path tree) throws IOException {
    String prefix = tree.getFileName() + ".base-";
    try (Stream<Path> siblings = Files.list(tree.getParent())) {
      return siblings
          .filter(p -> p.getFileName().toString().startsWith(prefix))
          .filter(p -> p.getFileName().toString().endsWith(".ext4"))
          .toList();
    }
  }

  /** The base disks BaseDisks keeps beside the tree, named after it. */
  private static void deleteBases(Path tree) throws IOException {
    for (Path p : bases(tree)) {
      Files.delete(p);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
