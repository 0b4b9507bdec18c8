package dev.ignite.api.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;
import org.snakeyaml.engine.v2.api.Load;

/**
 * Decode+validate throughput of VM manifests, beside the floor of plain snakeyaml-engine loading
 * the same texts to Maps. Run by bench/decode-throughput; prints one line per measurement.
 */
public final class DecodeThroughputBench {
  private static final int MANIFESTS = 10_000;
  private static final int ROUNDS = 5;

  private DecodeThroughputBench() {}

  public static void main(String[] args) throws Exception {
    List<String> texts = manifests(MANIFESTS);
    int threads = Runtime.getRuntime().availableProcessors();
    ToIntFunction<String> ours = DecodeThroughputBench::decodeOne;
    ToIntFunction<String> floor = DecodeThroughputBench::loadOne;
    for (int warm = 0; warm < 3; warm++) {
      measure(texts, ours, 1);
      measure(texts, floor, 1);
    }
    for (int t : new int[] {1, threads}) {
      double a = best(texts, ours, t);
      double b = best(texts, floor, t);
      System.out.printf(
          Locale.ROOT,
          "threads=%d  ignite decode+validate: %,.0f objects/s   snakeyaml Load.loadAll to Maps: %,.0f"
              + " objects/s   ratio %.2f%n",
          t,
          a,
          b,
          a / b);
    }
  }

  private static int decodeOne(String text) {
    Decoded d = ManifestDecoder.decode("bench.yaml", text);
    if (!d.ok()) {
      throw new IllegalStateException(d.errors().toString());
    }
    return d.objects().size();
  }

  private static int loadOne(String text) {
    int n = 0;
    for (Object o : new Load(ManifestDecoder.SETTINGS).loadAllFromString(text)) {
      n += o == null ? 0 : 1;
    }
    return n;
  }

  private static double best(List<String> texts, ToIntFunction<String> f, int threads)
      throws Exception {
    double best = 0;
    for (int i = 0; i < ROUNDS; i++) {
      best = Math.max(best, measure(texts, f, threads));
    }
    return best;
  }

  /** Objects per second over all texts, split evenly across {@code threads}. */
  private static double measure(List<String> texts, ToIntFunction<String> f, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<Integer>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        List<String> slice =
            texts.subList(t * texts.size() / threads, (t + 1) * texts.size() / threads);
        parts.add(pool.submit(() -> slice.stream().mapToInt(f).sum()));
      }
      int objects = 0;
      for (Future<Integer> p : parts) {
        objects += p.get();
      }
      if (objects != texts.size()) {
        throw new IllegalStateException("decoded " + objects + " of " + texts.size());
      }
      return objects / ((System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdown();
    }
  }

  /** Realistic VM files: every spec field, a status, and some variety between them. */
  static List<String> manifests(int count) {
    List<String> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(
          String.format(
              Locale.ROOT,
              """
              apiVersion: ignite.weave.works/v1alpha4
              kind: VM
              metadata:
                name: vm-%d
                uid: %016x
                created: "2026-11-25T20:00:00Z"
                labels:
                  team: infra
                  tier: t%d
              spec:
                image:
                  oci: weaveworks/ignite-ubuntu:%d
                kernel:
                  oci: host
                  cmdLine: console=ttyS0 reboot=k panic=-1 root=/dev/vda rw net.ifnames=0
                cpus: %d
                memory: %dMB
                diskSize: %dGB
                network:
                  ports:
                    - hostPort: %d
                      vmPort: 22
                    - hostPort: %d
                      vmPort: 80
                      bindAddress: 127.0.0.1
                      protocol: tcp
                copyFiles:
                  - hostPath: /etc/resolv.conf
                    vmPath: /etc/resolv.conf
                ssh: true
              status:
                running: %b
                startTime: "2026-11-25T20:00:05Z"
                runtime:
                  name: qemu
                  id: "%d"
                network:
                  plugin: user
                  ipAddresses:
                    - 10.0.2.15
                idPrefix: ignite
              """,
              i,
              0x1000_0000_0000L + i,
              i % 3,
              i % 7,
              1 + i % 4,
              256 + i % 1024,
              2 + i % 8,
              2000 + i % 60000,
              10000 + i % 50000,
              i % 2 == 0,
              1000 + i));
    }
    return out;
  }
}
