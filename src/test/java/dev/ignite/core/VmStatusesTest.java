package dev.ignite.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.api.Condition;
import dev.ignite.api.VmStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VmStatusesTest {
  private static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant T2 = Instant.parse("2026-01-01T00:01:00Z");

  @Test
  void keepsTheTransitionTimeWhileReadinessDoesNotChange() {
    VmStatus up = VmStatuses.ready(VmStatus.EMPTY, true, "Started", "a", T1);
    VmStatus stillUp = VmStatuses.ready(up, true, "Started", "b", T2);

    Condition ready = stillUp.conditions().get(0);
    assertThat(stillUp.conditions()).hasSize(1);
    assertThat(ready.lastTransitionTime()).isEqualTo(T1);
    assertThat(ready.message()).isEqualTo("b");
  }

  @Test
  void stoppingClearsTheRuntimeAndAddressesAndMovesTheTransition() {
    VmStatus up =
        VmStatuses.ready(VmStatus.EMPTY, true, "Started", "a", T1)
            .withRunning(true)
            .withRuntime(new VmStatus.RuntimeStatus("qemu", "42"))
            .withNetwork(new VmStatus.NetworkStatus("user", java.util.List.of("10.0.2.15")));

    VmStatus stopped = VmStatuses.stopped(up, "Stopped", "by request", T2);

    assertThat(stopped.running()).isFalse();
    assertThat(stopped.runtime()).isNull();
    assertThat(stopped.network()).isNull();
    assertThat(stopped.conditions())
        .containsExactly(new Condition("Ready", "False", "Stopped", "by request", T2));
  }
}
