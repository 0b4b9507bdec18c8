package dev.ignite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.adapters.store.FileStateStore;
import dev.ignite.api.Vm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two separate processes create VMs in one store at the same time: none is lost or doubled. */
@Tag("integration")
class ConcurrentCreateIT {
  @TempDir Path state;

  @Test
  void twoProcessesCreating200VmsEachLoseNone() throws Exception {
    Process a = creator("a");
    Process b = creator("b");
    String outA = finish(a);
    String outB = finish(b);

    List<Vm> vms = FileStateStore.open(state).list(Vm.class);
    assertThat(vms.stream().filter(v -> !v.name().startsWith("shared-"))).hasSize(400);
    assertThat(vms).extracting(Vm::name).doesNotHaveDuplicates();
    assertThat(vms).extracting(Vm::uid).doesNotHaveDuplicates();
    // each contested name went to exactly one of the two processes
    assertThat(vms.stream().filter(v -> v.name().startsWith("shared-"))).hasSize(20);
    assertThat(won(outA) + won(outB)).isEqualTo(20);
  }

  private Process creator(String prefix) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            Stream.of(
                    java,
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ConcurrentCreator.class.getName(),
                    state.toString(),
                    prefix,
                    "200")
                .toList())
        .redirectErrorStream(true)
        .start();
  }

  private static String finish(Process p) throws Exception {
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static int won(String out) {
    return out.lines()
        .filter(l -> l.startsWith("won "))
        .mapToInt(l -> Integer.parseInt(l.substring(4).trim()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result line in: " + out));
  }
}
