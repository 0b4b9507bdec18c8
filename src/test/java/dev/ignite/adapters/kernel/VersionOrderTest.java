package dev.ignite.adapters.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VersionOrderTest {
  @Test
  void sortsKernelNamesByTheirNumbers() {
    List<String> names =
        new ArrayList<>(
            List.of(
                "vmlinuz-6.10.0-1-amd64",
                "vmlinuz-6.1.0-56-amd64",
                "vmlinuz-6.9.0-2-amd64",
                "vmlinuz-6.1.0-9-amd64"));
    names.sort(new VersionOrder());

    assertThat(names)
        .containsExactly(
            "vmlinuz-6.1.0-9-amd64",
            "vmlinuz-6.1.0-56-amd64",
            "vmlinuz-6.9.0-2-amd64",
            "vmlinuz-6.10.0-1-amd64");
  }
}
