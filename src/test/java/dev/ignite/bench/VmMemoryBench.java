package dev.ignite.bench;

import dev.ignite.adapters.disk.Disks;
import dev.ignite.adapters.kernel.Kernels;
import dev.ignite.adapters.qemu.Qemu;
import dev.ignite.api.Size;
import dev.ignite.api.Uid;
import dev.ignite.ports.RootDisk;
import dev.ignite.ports.StoredKernel;
import dev.ignite.ports.VmLaunch;
import dev.ignite.ports.VmProcess;
import dev.ignite.ports.Vmm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * bench/vm-memory: boots N idle VMs through the Vmm and reports, per QEMU process, its RSS, the
 * part of it that is guest RAM the guest has touched (the RSS of the guest-RAM mapping in smaps),
 * and the difference: QEMU's own overhead. Guest pages never touched are not resident at all.
 */
public final class VmMemoryBench {
  private VmMemoryBench() {}

  public static void main(String[] args) throws Exception {
    Path rootfs = Path.of(args[0]);
    Path state = Path.of(args[1]);
    int count = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    // 256MB: Debian's initrd does not unpack in 128MB (the kernel panics out of memory).
    Size memory = Size.ofMiB(args.length > 3 ? Integer.parseInt(args[3]) : 256);
    Vmm vmm = Qemu.vmm(state);
    StoredKernel kernel = Kernels.store(state).importKernel("host");
    List<Uid> uids = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        Uid uid = Uid.generate();
        uids.add(uid);
        Path dir = state.resolve("vms").resolve(uid.value());
        Path disk = dir.resolve("disk.ext4");
        Disks.ext4()
            .build(
                new RootDisk(
                    rootfs,
                    disk,
                    Size.ofMiB(64),
                    "idle-" + i,
                    Optional.empty(),
                    List.of(),
                    Optional.empty(),
                    List.of()));
        vmm.start(
            new VmLaunch(
                uid,
                dir,
                kernel.kernel(),
                kernel.initrd(),
                "console=ttyS0 root=/dev/vda rw panic=-1 net.ifnames=0 quiet",
                1,
                memory,
                disk,
                List.of(),
                List.of(),
                0));
      }
      awaitReady(vmm, state, uids);
      Thread.sleep(10_000); // idle: let boot-time work settle
      report(vmm, state, uids, memory);
    } finally {
      for (Uid uid : uids) {
        vmm.kill(uid, state.resolve("vms").resolve(uid.value()));
      }
    }
  }

  private static void awaitReady(Vmm vmm, Path state, List<Uid> uids) throws Exception {
    long deadline = System.currentTimeMillis() + 600_000;
    for (Uid uid : uids) {
      Path log = state.resolve("vms").resolve(uid.value()).resolve("console.log");
      while (!Files.exists(log) || !Files.readString(log).contains("IGNITE-READY")) {
        if (vmm.state(uid, log.getParent()).isEmpty()) {
          throw new IllegalStateException("VM " + uid + " exited during boot; see " + log);
        }
        if (System.currentTimeMillis() > deadline) {
          throw new IllegalStateException("VM " + uid + " did not boot in 10 minutes");
        }
        Thread.sleep(500);
      }
    }
  }

  private static void report(Vmm vmm, Path state, List<Uid> uids, Size memory) throws Exception {
    System.out.printf(
        Locale.ROOT, "%d idle VMs, %s guest memory each (MiB)%n", uids.size(), memory);
    System.out.printf(
        Locale.ROOT, "%-18s %8s %14s %16s%n", "vm", "RSS", "guest touched", "RSS - touched");
    long totalOverhead = 0;
    long totalRss = 0;
    for (Uid uid : uids) {
      VmProcess p = vmm.state(uid, state.resolve("vms").resolve(uid.value())).orElseThrow();
      long rss = statusKb(p.pid(), "VmRSS:");
      long touched = guestRamRssKb(p.pid(), memory.bytes() / 1024);
      totalRss += rss;
      totalOverhead += rss - touched;
      System.out.printf(
          Locale.ROOT,
          "%-18s %8.1f %14.1f %16.1f%n",
          uid,
          rss / 1024.0,
          touched / 1024.0,
          (rss - touched) / 1024.0);
    }
    System.out.printf(
        Locale.ROOT,
        "mean RSS %.1f MiB; mean RSS - guest memory size %.1f MiB; mean QEMU overhead (RSS - touched guest RAM) %.1f MiB%n",
        totalRss / 1024.0 / uids.size(),
        (totalRss / 1024.0 / uids.size()) - memory.mebibytes(),
        totalOverhead / 1024.0 / uids.size());
  }

  private static long statusKb(long pid, String field) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
      }
    }
    return 0;
  }

  /** The Rss of the anonymous mapping whose size is the guest's RAM (QEMU's pc.ram block). */
  private static long guestRamRssKb(long pid, long guestKb) throws Exception {
    long best = 0;
    long size = -1;
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps"))) {
      if (line.startsWith("Size:")) {
        size = Long.parseLong(line.substring(5).trim().split("\\s+")[0]);
      } else if (line.startsWith("Rss:") && size >= guestKb && size <= guestKb + 4096) {
        best = Math.max(best, Long.parseLong(line.substring(4).trim().split("\\s+")[0]));
      }
    }
    return best;
  }
}
