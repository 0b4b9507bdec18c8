package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.ports.ImageException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one form an image is known by ({@code OciImages.normalise}). */
class SourceRefTest {
  private static String normal(String ref) {
    return SourceRef.parse(ref).describe();
  }

  @Test
  void everySpellingOfARegistryImageIsOneReference() {
    for (String s :
        List.of(
            "busybox", "library/busybox", "docker.io/library/busybox:latest", "docker://busybox")) {
      assertThat(normal(s)).as(s).isEqualTo("docker.io/library/busybox:latest");
    }
    assertThat(normal("127.0.0.1:5000/app")).isEqualTo(normal("127.0.0.1:5000/app:latest"));
    assertThat(normal("127.0.0.1:5000/app:1")).isNotEqualTo(normal("127.0.0.1:5001/app:1"));
  }

  @Test
  void aLocalPathIsMadeAbsoluteFromTheWorkingDirectory() {
    Path here = Path.of("").toAbsolutePath();
    assertThat(normal("oci:./x:1")).isEqualTo("oci:" + here.resolve("x") + ":1");
    assertThat(normal("oci:x/../y")).isEqualTo("oci:" + here.resolve("y"));
    assertThat(normal("oci:/srv/images/x:1")).isEqualTo("oci:/srv/images/x:1");
    assertThat(normal("oci-archive:./a.tar")).isEqualTo("oci-archive:" + here.resolve("a.tar"));
    assertThat(normal("docker-archive:a.tar")).isEqualTo("docker-archive:" + here.resolve("a.tar"));
    assertThat(normal("tar:./root.tar")).isEqualTo("tar:" + here.resolve("root.tar"));
  }

  @Test
  void anInvalidReferenceSaysWhy() {
    assertThatThrownBy(() -> normal("Busybox"))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("invalid image reference 'Busybox'");
  }
}
