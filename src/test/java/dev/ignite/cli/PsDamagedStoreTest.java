package dev.ignite.cli;

import static dev.ignite.cli.CliRun.ignite;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One damaged VM file must not break `ignite ps` for every other VM (issue 11). */
class PsDamagedStoreTest {
  @TempDir Path state;

  @Test
  void psSkipsADeeplyNestedVmFileWithALocatedWarningAndListsTheOthers() throws Exception {
    assertThat(ignite(state, "create", "busybox", "--name", "healthy").exitCode()).isZero();
    Path deep = state.resolve("vms/bbbb000000000002/metadata.json");
    Files.createDirectories(deep.getParent());
    Files.writeString(deep, "[".repeat(5_000) + "]".repeat(5_000));

    AtomicReference<CliRun> ps = new AtomicReference<>();
    String warnings = stderrOf(() -> ps.set(ignite(state, "ps", "-a")));

    assertThat(ps.get().exitCode()).isZero();
    assertThat(ps.get().out()).contains("healthy");
    assertThat(warnings)
        .contains("skipping " + deep)
        .contains(deep + ":1:101: invalid YAML: nested more than 100 levels deep");
  }

  private static String stderrOf(Runnable action) {
    PrintStream original = System.err;
    var bytes = new ByteArrayOutputStream();
    System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
