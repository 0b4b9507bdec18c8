package dev.ignite.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SizeTest {
  @Test
  void rendersExactlyOneGigabyteAsMegabytesAsIgniteDoes() {
    assertThat(Size.parse("1GB").human()).isEqualTo("1024.0 MB");
    assertThat(Size.parse("800MB").human()).isEqualTo("800.0 MB");
    assertThat(Size.parse("3GB").human()).isEqualTo("3.0 GB");
    assertThat(Size.parse("1025MB").human()).isEqualTo("1.0 GB");
  }
}
