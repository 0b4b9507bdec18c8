package dev.ignite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.testing.SampleImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state dir that fills up, for real: bin/ignite runs in a private mount namespace ({@code unshare
 * -m}) where a small tmpfs is mounted over the state dir, so the host's own mounts never change and
 * the tmpfs goes away with the namespace. The same shell then lists what the failed command left in
 * the state dir.
 */
@Tag("integration")
class FullDiskIT {
  static final Path ROOT = Path.of("").toAbsolutePath();
  static final String LEFT = "--- left behind:";

  @TempDir Path state;

  /** {@code left}: what the state dir holds afterwards, as "f path" (file) or "d path" (folder). */
  record Outcome(int exit, String output, List<String> left) {
    List<String> files() {
      return left.stream().filter(e -> e.startsWith("f ")).map(e -> e.substring(2)).toList();
    }
  }

  /** Mounts a {@code size} tmpfs over the state dir, runs {@code setup} then ignite with args. */
  Outcome igniteOnTmpfs(String size, String setup, String... args) throws Exception {
    Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name")), "mounting a tmpfs needs root");
    String script =
        "mount -t tmpfs -o mode=0700,size="
            + size
            + " tmpfs \"$STATE\" || exit 99\n"
            + setup
            + "\n\"$IGNITE\" \"$@\"; code=$?\n"
            + "echo \""
            + LEFT
            + "\"; find \"$STATE\" -mindepth 1 -printf '%y %P\\n'\nexit $code\n";
    ProcessBuilder pb =
        new ProcessBuilder(
            concat(List.of("unshare", "-m", "sh", "-c", script, "sh"), List.of(args)));
    pb.environment().put("STATE", state.toString());
    pb.environment().put("IGNITE_STATE_DIR", state.toString());
    pb.environment().put("IGNITE", ROOT.resolve("bin/ignite").toString());
    Process p = pb.directory(ROOT.toFile()).redirectErrorStream(true).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isNotEqualTo(99);
    int at = out.indexOf(LEFT);
    assertThat(at).as(out).isNotNegative();
    List<String> left = out.substring(at + LEFT.length()).strip().lines().toList();
    return new Outcome(p.exitValue(), out.substring(0, at), left);
  }

  @Test
  void importIntoAFullStateDirSaysSoAndKeepsNoBlob() throws Exception {
    Path layout = SampleImage.layout();

    Outcome o = igniteOnTmpfs("1m", "", "image", "import", "oci:" + layout + ":1");

    assertThat(o.exit()).as(o.output()).isEqualTo(1);
    assertThat(o.output())
        .contains("importing oci:" + layout, "image cache " + state.resolve("oci"))
        .contains("is full (No space left on device); free some space there");
    assertThat(o.files()).as("only empty cache folders may remain").isEmpty();
  }

  @Test
  void kernelImportThatRunsOutOfSpaceLeavesNoKernel() throws Exception {
    // 20 MiB: the host kernel fits, its initrd (about 30 MB on Debian 12) does not
    Outcome o = igniteOnTmpfs("20m", "", "kernel", "import", "host");

    assertThat(o.exit()).as(o.output()).isEqualTo(1);
    assertThat(o.output()).contains("cannot import kernel host", "No space left on device");
    assertThat(o.left()).noneMatch(e -> e.substring(2).startsWith("kernels/"));
  }

  @Test
  void aDiskThatDoesNotFitOnTheHostFailsTheRunAndLeavesNoDiskOrProcess() throws Exception {
    Path layout = SampleImage.layout();
    // Image, the default kernel and the image's unpacked tree first (a run with a 1MB disk fails
    // right after importing the kernel and unpacking), then a ballast file takes all but 4 MiB:
    // the VM's disk (mkfs writes ~9 MB of it) cannot be written.
    String setup =
        "\"$IGNITE\" image import oci:"
            + layout
            + ":1 >/dev/null || exit 98\n"
            + "\"$IGNITE\" run oci:"
            + layout
            + ":1 --name unpack-only --size 1MB >/dev/null 2>&1\n"
            + "free=$(df -k --output=avail \"$STATE\" | tail -1)\n"
            + "fallocate -l $(( (free - 4096) * 1024 )) \"$STATE/ballast\" || exit 98";

    Outcome o =
        igniteOnTmpfs(
            "96m", setup, "run", "oci:" + layout + ":1", "--name", "full", "--size", "64MB");

    assertThat(o.exit()).as(o.output()).isEqualTo(1);
    assertThat(o.output())
        .contains("cannot start VM full", "is full (No space left on device", "free some space");
    assertThat(o.left())
        .as("no VM folder, disk, temp disk or scratch files")
        .noneMatch(e -> e.contains("vms/"));
    assertThat(o.left())
        .as("no base disk cached on a host this full")
        .noneMatch(e -> e.contains(".base-"));
    assertThat(qemuUsing(state)).as("no QEMU process for this state dir").isFalse();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    var all = new java.util.ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Whether a QEMU process has this state dir on its command line (its disk lives there). */
  static boolean qemuUsing(Path stateDir) throws Exception {
    Process p = new ProcessBuilder("pgrep", "-f", "qemu-system-x86_64.*" + stateDir).start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0;
  }
}
