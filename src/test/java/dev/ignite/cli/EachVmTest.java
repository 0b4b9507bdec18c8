package dev.ignite.cli;

import static dev.ignite.cli.CliRun.ignite;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EachVmTest {
  @TempDir Path state;

  @Test
  void removesTheOtherVmsWhenOneNameIsUnknownAndExitsNonZero() {
    ignite(state, "create", "busybox", "--name", "one");
    ignite(state, "create", "busybox", "--name", "two");

    CliRun rm = ignite(state, "rm", "one", "nosuch", "two");

    assertThat(rm.exitCode()).isEqualTo(Errors.FAILED);
    assertThat(rm.out()).contains("Removed VM one").contains("Removed VM two");
    assertThat(rm.err()).contains("nosuch").contains("1 of 3 VMs failed");
    assertThat(ignite(state, "ps", "-a", "-q").out()).isBlank();
  }

  @Test
  void aSingleVmFailsWithItsOwnMessageOnly() {
    CliRun rm = ignite(state, "rm", "nosuch");

    assertThat(rm.exitCode()).isEqualTo(Errors.FAILED);
    assertThat(rm.err()).contains("nosuch").doesNotContain("VMs failed");
  }
}
