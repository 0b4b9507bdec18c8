package dev.ignite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.testing.BuiltKernel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 2's acceptance, run through the real launcher bin/ignite as a user would. */
@Tag("integration")
class AcceptanceIT {
  static final Path ROOT = Path.of("").toAbsolutePath();

  @TempDir Path state;
  @TempDir Path files;

  record Result(int code, String out, String err) {}

  @BeforeAll
  static void launcherIsBuilt() {
    assertThat(ROOT.resolve("target/ignite.jar"))
        .as("bin/ignite runs target/ignite.jar: build it with `mvn -q package -DskipTests`")
        .exists();
  }

  Result ignite(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("bin/ignite").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
    pb.environment().put("IGNITE_STATE_DIR", state.toString());
    Path err = Files.createTempFile(files, "err", ".txt");
    Process p = pb.redirectError(err.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out, Files.readString(err));
  }

  @Test
  void createPsInspectAndTheFilterTemplateLine() throws Exception {
    Result created = ignite("create", "--config", "examples/my-vm.yaml");
    assertThat(created.code()).as(created.err()).isZero();

    Result ps = ignite("ps", "-a");
    assertThat(ps.out().lines().skip(1))
        .singleElement()
        .asString()
        .contains("800.0 MB", "3.0 GB", "my-vm")
        .containsPattern("\\s2\\s");

    Result inspect = ignite("inspect", "vm", "my-vm", "-o", "yaml");
    assertThat(inspect.out())
        .startsWith("apiVersion: ignite.weave.works/v1alpha4\n")
        .contains("memory: 800MB", "diskSize: 3GB", "cpus: 2", "cmdLine: ")
        .contains("oci: " + BuiltKernel.imageRef()); // the default kernel, once it is built

    Result line =
        ignite(
            "ps",
            "-a",
            "-f",
            "{{.ObjectMeta.Name}}=my-vm",
            "-t",
            "{{.Spec.Memory}} {{.Spec.CPUs}} {{.Spec.DiskSize}}");
    assertThat(line.out()).isEqualTo("800.0 MB 2 3.0 GB\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"unknown-field", "fractional-size", "bad-name", "no-image"})
  void aBadFileExitsNonZeroWithFileLineColumnAndLeavesTheStoreEmpty(String kind) throws Exception {
    String sample = Files.readString(ROOT.resolve("examples/my-vm.yaml"));
    String bad =
        switch (kind) {
          case "unknown-field" -> sample.replace("  memory: 800MB", "  memroy: 800MB");
          case "fractional-size" -> sample.replace("800MB", "1.5GB");
          case "bad-name" -> sample.replace("name: my-vm", "name: My_VM");
          default -> sample.replace("  image:\n    oci: weaveworks/ignite-ubuntu\n", "");
        };
    assertThat(bad).isNotEqualTo(sample);
    Path file = files.resolve(kind + ".yaml");
    Files.writeString(file, bad);

    Result r = ignite("create", "--config", file.toString());

    assertThat(r.code()).isNotZero();
    assertThat(r.err()).containsPattern(file + ":\\d+:\\d+: (spec|metadata)\\.");
    assertThat(r.err()).doesNotContain("Exception");
    assertThat(ignite("ps", "-a", "-q").out()).isEmpty();
    try (Stream<Path> left = Files.list(state)) {
      assertThat(left.map(p -> p.getFileName().toString())).doesNotContain("vms");
    }
  }

  @Test
  void theLauncherWorksThroughASymlinkFromAnotherDirectory() throws Exception {
    Path link = files.resolve("ignite");
    Files.createSymbolicLink(link, ROOT.resolve("bin/ignite"));
    Process p =
        new ProcessBuilder(link.toString(), "version", "-o", "short")
            .directory(files.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out.strip()).isNotEmpty().doesNotContain(" ");
  }
}
