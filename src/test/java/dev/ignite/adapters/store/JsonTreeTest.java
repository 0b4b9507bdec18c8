package dev.ignite.adapters.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonTreeTest {
  static String brackets(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  @Test
  void readsAHundredLevels() throws IOException {
    Object value = JsonTree.parse(brackets(100));
    for (int i = 1; i < 100; i++) {
      value = ((List<?>) value).get(0);
    }
    assertThat(value).isEqualTo(List.of());
  }

  @Test
  void refusesDeeperNestingNamingLineAndColumn() {
    // the object is the first level, so the 100th bracket opens the 101st
    assertThatThrownBy(() -> JsonTree.parse("{\"a\":\n" + brackets(101) + "}"))
        .isInstanceOf(IOException.class)
        .hasMessage("line 2, column 100: nested more than 100 levels deep");
  }

  @Test
  void fiveThousandLevelsAreAnErrorNotAStackOverflow() {
    assertThatThrownBy(() -> JsonTree.parse(brackets(5_000))).isInstanceOf(IOException.class);
  }
}
