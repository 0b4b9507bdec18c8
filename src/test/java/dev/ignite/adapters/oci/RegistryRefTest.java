package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.ports.ImageException;
import org.junit.jupiter.api.Test;

class RegistryRefTest {
  @Test
  void bareNameIsADockerHubLibraryImageAtLatest() {
    assertThat(RegistryRef.parse("busybox").toString())
        .isEqualTo("registry-1.docker.io/library/busybox:latest");
    assertThat(RegistryRef.parse("docker.io/weaveworks/ignite-ubuntu:v1").toString())
        .isEqualTo("registry-1.docker.io/weaveworks/ignite-ubuntu:v1");
  }

  @Test
  void hostWithPortIsARegistry() {
    RegistryRef ref = RegistryRef.parse("127.0.0.1:5000/sample:1");
    assertThat(ref.registry()).isEqualTo("127.0.0.1:5000");
    assertThat(ref.repository()).isEqualTo("sample");
    assertThat(ref.reference()).isEqualTo("1");
  }

  @Test
  void digestReferenceKeepsTheDigest() {
    String digest = "sha256:" + "a".repeat(64);
    assertThat(RegistryRef.parse("localhost/x@" + digest).reference()).isEqualTo(digest);
  }

  @Test
  void rejectsUppercaseAndBadDigests() {
    assertThatThrownBy(() -> RegistryRef.parse("Busybox")).isInstanceOf(ImageException.class);
    assertThatThrownBy(() -> RegistryRef.parse("x@sha256:zz"))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("sha256");
  }
}
