package dev.ignite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.cli.IgniteProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code oci:./img} names a different image in each folder it is typed in: bin/ignite, run from two
 * folders that each hold a different image layout {@code img}, keeps two images, and a VM or an
 * {@code image rm} names the one of the folder it was typed in.
 */
@Tag("integration")
class ImageIdentityIT {
  @TempDir Path work;

  /** A one-layer OCI layout {@code DIR/img}, tag 1, holding {@code /which} = {@code text}. */
  private static void layout(Path dir, String text) throws Exception {
    Path img = dir.resolve("img");
    Path bundle = dir.resolve("bundle");
    exec(dir, "umoci", "init", "--layout", img.toString());
    exec(dir, "umoci", "new", "--image", img + ":1");
    exec(dir, "umoci", "unpack", "--rootless", "--image", img + ":1", bundle.toString());
    Files.writeString(bundle.resolve("rootfs/which"), text + "\n");
    exec(dir, "umoci", "repack", "--image", img + ":1", bundle.toString());
  }

  private static Result exec(Path cwd, String... cmd) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    Process p = pb.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    int code = p.waitFor();
    assertThat(code).as(String.join(" ", cmd) + ": " + out).isZero();
    return new Result(code, out, "");
  }

  /** bin/ignite with the shared state dir, run in {@code cwd}. */
  private Result ignite(Path cwd, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(IgniteProcess.ROOT.resolve("bin/ignite").toString());
    cmd.add("--state-dir");
    cmd.add(work.resolve("state").toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    return new Result(p.waitFor(), out, "");
  }

  @Test
  void theSameRelativeReferenceFromTwoFoldersIsTwoImages() throws Exception {
    Path a = Files.createDirectories(work.resolve("a"));
    Path b = Files.createDirectories(work.resolve("b"));
    layout(a, "a");
    layout(b, "b");

    assertThat(ignite(a, "image", "import", "oci:./img:1").code()).isZero();
    assertThat(ignite(b, "image", "import", "oci:./img:1").code()).isZero();
    String ls = ignite(a, "image", "ls").out();
    assertThat(ls).contains("oci:" + a.resolve("img") + ":1", "oci:" + b.resolve("img") + ":1");

    assertThat(ignite(b, "create", "oci:./img:1", "--name", "from-b").code()).isZero();
    assertThat(ignite(a, "inspect", "vm", "from-b", "-o", "yaml").out())
        .contains("oci: oci:" + b.resolve("img") + ":1");

    Result rm = ignite(b, "image", "rm", "oci:./img:1");
    assertThat(rm.code()).as(rm.out()).isZero();
    assertThat(ignite(a, "image", "ls").out())
        .contains("oci:" + a.resolve("img") + ":1")
        .doesNotContain("oci:" + b.resolve("img") + ":1");
  }
}
