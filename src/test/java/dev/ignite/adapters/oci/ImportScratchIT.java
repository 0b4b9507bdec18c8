package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.adapters.oci.cache.ImportScratch;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An import's scratch folder against a real second JVM that holds one and is killed. */
@Tag("integration")
class ImportScratchIT {
  @TempDir Path tmp;

  /**
   * A real second JVM holds a scratch and is killed with SIGKILL, as Ctrl-C twice or the OOM killer
   * would: while it lives its folder stays, once it is gone the next import removes it.
   */
  @Test
  void theNextImportRemovesWhatAnImportKilledOutrightLeftBehind() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process holder =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ImportScratchHolder.class.getName(),
                tmp.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    Path theirs;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
      theirs = Path.of(out.readLine());
    }
    try {
      ImportScratch.open(tmp).close();
      assertThat(theirs.resolve("layer.part")).as("alive: kept").exists();
    } finally {
      holder.destroyForcibly();
      holder.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(theirs.resolve("layer.part")).as("killed: nothing cleaned up yet").exists();

    ImportScratch.open(tmp).close();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }
}
