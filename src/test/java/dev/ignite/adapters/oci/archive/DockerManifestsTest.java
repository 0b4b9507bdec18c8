package dev.ignite.adapters.oci.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.ports.ImageException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DockerManifestsTest {
  private static List<ArchiveImporter.DockerManifest> read(String json) {
    return ArchiveImporter.dockerManifests(json.getBytes(StandardCharsets.UTF_8), "manifest.json");
  }

  @Test
  void readsTheConfigAndLayersOfEachImage() {
    assertThat(
            read(
                "[{\"Config\":\"c.json\",\"RepoTags\":[\"a:b\"],\"Layers\":[\"1.tar\",\"2.tar\"]}]"))
        .containsExactly(new ArchiveImporter.DockerManifest("c.json", List.of("1.tar", "2.tar")));
  }

  /** A null layer name was read, and the import then ended in a NullPointerException. */
  @Test
  void aLayerNamedNullIsRefusedNamingItsPlace() {
    assertThatThrownBy(() -> read("[{\"Config\":\"c.json\",\"Layers\":[\"1.tar\",null]}]"))
        .isInstanceOf(ImageException.class)
        .hasMessage("manifest.json: image 1 Layers[2] is null, not a member name");
  }
}
