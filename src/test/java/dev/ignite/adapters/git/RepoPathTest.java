package dev.ignite.adapters.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.ports.GitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepoPathTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "../x",
        "a/../../x",
        "..",
        "/etc/passwd",
        ".git/config",
        "a/.GIT/hooks/x",
        "a//b",
        "./a",
        "a/",
        "",
        "a\\b"
      })
  void refusesPathsThatLeaveOrHideInTheRepository(String path) {
    assertThatThrownBy(() -> RepoPath.check(path))
        .isInstanceOf(GitException.class)
        .hasMessageContaining("refusing to change");
  }

  @Test
  void acceptsPlainRelativePaths() {
    assertThat(RepoPath.check("vms/my-vm.yaml")).isEqualTo("vms/my-vm.yaml");
    assertThat(RepoPath.check("..hidden/a..b")).isEqualTo("..hidden/a..b");
  }
}
