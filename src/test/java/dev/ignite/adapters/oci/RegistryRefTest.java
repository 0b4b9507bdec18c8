package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.ports.ImageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
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

  // the distribution spec's grammar as regexes: the oracle for the hand-written checks
  private static final Pattern REPOSITORY =
      Pattern.compile(
          "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*");
  private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}");

  @Test
  void repositoryAndTagChecksAgreeWithTheSpecsRegexes() {
    List<String> samples =
        new ArrayList<>(
            List.of(
                "",
                "/",
                "a",
                "a/",
                "/a",
                "a//b",
                "a__b",
                "a___b",
                "a--b",
                "a-",
                "-a",
                "a.b",
                "a..b",
                "a._b",
                "a_b.c-d/e",
                "A",
                "a.",
                "_a",
                "__"));
    Random random = new Random(42);
    String alphabet = "ab09AZ._-/:@é";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder s = new StringBuilder();
      for (int len = random.nextInt(9); len > 0; len--) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      samples.add(s.toString());
    }
    samples.add("a".repeat(128));
    samples.add("a".repeat(129));
    for (String s : samples) {
      assertThat(RegistryRef.isRepository(s))
          .as("repository '%s'", s)
          .isEqualTo(REPOSITORY.matcher(s).matches());
      assertThat(RegistryRef.isTag(s)).as("tag '%s'", s).isEqualTo(TAG.matcher(s).matches());
    }
  }

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
