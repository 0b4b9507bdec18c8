package dev.ignite.adapters.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateDirsTest {
  @Test
  void theFlagWinsOverTheEnvironment() {
    assertThat(StateDirs.resolve("/a", Map.of("IGNITE_STATE_DIR", "/b"))).isEqualTo(Path.of("/a"));
  }

  @Test
  void theEnvironmentWinsOverTheDefault() {
    assertThat(StateDirs.resolve(null, Map.of("IGNITE_STATE_DIR", "/b"))).isEqualTo(Path.of("/b"));
  }

  @Test
  void theDefaultDependsOnWhoRunsIt() {
    Path expected =
        "root".equals(System.getProperty("user.name"))
            ? Path.of("/var/lib/ignite")
            : Path.of(System.getProperty("user.home"), ".local/share/ignite");
    assertThat(StateDirs.resolve(null, Map.of())).isEqualTo(expected);
  }
}
