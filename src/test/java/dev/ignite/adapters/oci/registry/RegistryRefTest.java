package dev.ignite.adapters.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.adapters.oci.manifest.Digests;
import dev.ignite.ports.ImageException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegistryRefTest {
  @Test
  void bareNameIsADockerHubLibraryImageAtLatest() {
    assertThat(RegistryRef.parse("busybox").toString())
        .isEqualTo("docker.io/library/busybox:latest");
    assertThat(RegistryRef.parse("docker.io/weaveworks/ignite-ubuntu:v1").toString())
        .isEqualTo("docker.io/weaveworks/ignite-ubuntu:v1");
  }

  @Test
  void everySpellingOfADockerHubImageIsOneReferenceReachedAtItsApiHost() {
    for (String spelling :
        List.of(
            "busybox",
            "library/busybox",
            "busybox:latest",
            "docker.io/busybox",
            "docker.io/library/busybox:latest",
            "index.docker.io/library/busybox",
            "registry-1.docker.io/library/busybox")) {
      RegistryRef ref = RegistryRef.parse(spelling);
      assertThat(ref.toString()).as(spelling).isEqualTo("docker.io/library/busybox:latest");
      assertThat(ref.endpoint()).isEqualTo("registry-1.docker.io");
    }
    assertThat(RegistryRef.parse("127.0.0.1:5000/busybox").toString())
        .isEqualTo("127.0.0.1:5000/busybox:latest");
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

  @Test
  void repositoriesAndTagsFollowTheDistributionSpec() {
    for (String good : List.of("a", "a__b", "a--b", "a.b", "a_b.c-d/e", "a---b/c")) {
      assertThat(RegistryRef.isRepository(good)).as("'%s'", good).isTrue();
    }
    for (String bad : List.of("", "/", "a/", "/a", "a//b", "a___b", "a-", "-a", "a..b", "A", "é")) {
      assertThat(RegistryRef.isRepository(bad)).as("'%s'", bad).isFalse();
    }
    for (String good : List.of("1", "_x", "v1.2-rc_3", "A".repeat(128))) {
      assertThat(RegistryRef.isTag(good)).as("'%s'", good).isTrue();
    }
    for (String bad : List.of("", ".x", "-x", "a/b", "a:b", "A".repeat(129))) {
      assertThat(RegistryRef.isTag(bad)).as("'%s'", bad).isFalse();
    }
  }

  private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");

  @Test
  void digestCheckAgreesWithTheSpecsRegex() {
    String hex = "0123456789abcdef".repeat(4);
    List<String> samples =
        List.of(
            "sha256:" + hex,
            "sha256:" + hex.toUpperCase(),
            "sha256:" + hex.substring(1),
            "sha256:" + hex + "0",
            "sha512:" + hex,
            "sha256:" + hex.replace('a', 'g'),
            "",
            "sha256:");
    for (String s : samples) {
      assertThat(Digests.isValid(s)).as("digest '%s'", s).isEqualTo(DIGEST.matcher(s).matches());
    }
    assertThat(Digests.isValid(null)).isFalse();
  }
}
