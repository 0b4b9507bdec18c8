package dev.ignite.bench;

import dev.ignite.adapters.disk.Disks;
import dev.ignite.api.Size;
import dev.ignite.ports.DiskBuilder;
import dev.ignite.ports.RootDisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * bench/disk-build: our DiskBuilder against bare {@code mkfs.ext4 -d} on the same tree and size,
 * alternating runs so both see the same machine load. Prints medians and the ratio.
 */
public final class DiskBuildBench {
  private DiskBuildBench() {}

  public static void main(String[] args) throws Exception {
    Path tree = Path.of(args[0]);
    Path work = Path.of(args[1]);
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
    Size size = Size.ofGiB(4);
    DiskBuilder builder = Disks.ext4();
    List<Double> ours = new ArrayList<>();
    List<Double> bare = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      Path a = work.resolve("ours.ext4");
      long t0 = System.nanoTime();
      builder.build(
          new RootDisk(
              tree,
              a,
              size,
              "bench",
              Optional.of("ssh-ed25519 AAAA bench"),
              List.of(),
              Optional.empty(),
              List.of()));
      ours.add((System.nanoTime() - t0) / 1e6);
      Files.delete(a);

      Path b = work.resolve("bare.ext4");
      long t1 = System.nanoTime();
      Process p =
          new ProcessBuilder(
                  "mkfs.ext4", "-q", "-F", "-d", tree.toString(), "-L", "root", b.toString(), "4G")
              .inheritIO()
              .start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("bare mkfs.ext4 failed");
      }
      bare.add((System.nanoTime() - t1) / 1e6);
      Files.delete(b);
    }
    double o = median(ours);
    double m = median(bare);
    System.out.printf(
        Locale.ROOT, "tree %s, disk 4GB, %d runs each (median wall time)%n", tree, runs);
    System.out.printf(
        Locale.ROOT, "  DiskBuilder (stage + personalise + mkfs + rename): %8.1f ms%n", o);
    System.out.printf(
        Locale.ROOT, "  bare mkfs.ext4 -d on the same tree:                %8.1f ms%n", m);
    System.out.printf(Locale.ROOT, "  ratio: %.2fx (target <= 1.20x)%n", o / m);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }
}
