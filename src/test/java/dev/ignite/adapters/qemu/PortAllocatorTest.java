package dev.ignite.adapters.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PortAllocatorTest {
  @TempDir Path state;

  @Test
  void neverHandsOutALeasedPortAgain() throws IOException {
    Set<Integer> ports = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      // A fresh allocator each time, as separate ignite processes would have, sharing one file.
      ports.add(new PortAllocator(state.resolve("qemu-ports.lease")).allocate());
    }

    assertThat(ports)
        .hasSize(20)
        .allSatisfy(
            p ->
                assertThat(p)
                    .as("below the ephemeral range, so no outgoing connection can take it")
                    .isBetween(
                        PortAllocator.ephemeralLow() - PortAllocator.SPAN,
                        PortAllocator.ephemeralLow() - 1));
  }
}
