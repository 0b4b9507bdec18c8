package dev.ignite.adapters.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltKernelImageTest {
  @TempDir Path build;
  @TempDir Path elsewhere;

  private String layoutRef(Path dir, String key) throws IOException {
    Path layout = Files.createDirectories(dir.resolve(key).resolve("oci"));
    Files.writeString(layout.resolve("index.json"), "{}");
    return "oci:" + dir + "/" + key + "/oci:6.1.192-ignite";
  }

  @Test
  void theBuildNamedByThePointerIsTheDefault() throws IOException {
    String ref = layoutRef(build, "45adccbb1807");
    Files.writeString(build.resolve("default-image"), ref + "\n");

    assertThat(BuiltKernelImage.find(build)).contains(ref);
  }

  @Test
  void withoutABuildThereIsNone() {
    assertThat(BuiltKernelImage.find(build)).isEmpty();
    assertThat(BuiltKernelImage.find(build.resolve("never-made"))).isEmpty();
  }

  @Test
  void aPointerToALayoutOutsideTheBuildFolderIsIgnored() throws IOException {
    String foreign = layoutRef(elsewhere, "45adccbb1807");
    Files.writeString(build.resolve("default-image"), foreign);

    assertThat(BuiltKernelImage.find(build)).isEmpty();
  }

  @Test
  void aPointerThatClimbsOutOfTheBuildFolderIsIgnored() throws IOException {
    layoutRef(elsewhere, "45adccbb1807");
    String climbing = build + "/../" + elsewhere.getFileName() + "/45adccbb1807/oci:6.1.192-ignite";
    Files.writeString(build.resolve("default-image"), "oci:" + climbing);

    assertThat(BuiltKernelImage.find(build)).isEmpty();
  }

  @Test
  void aPointerWhoseLayoutIsGoneIsIgnored() throws IOException {
    Files.writeString(
        build.resolve("default-image"), "oci:" + build + "/45adccbb1807/oci:6.1.192-ignite");

    assertThat(BuiltKernelImage.find(build)).isEmpty();
  }

  @Test
  void aPointerThatIsASymbolicLinkIsNotFollowed() throws IOException {
    String ref = layoutRef(build, "45adccbb1807");
    Path planted = Files.writeString(elsewhere.resolve("planted"), ref);
    Files.createSymbolicLink(build.resolve("default-image"), planted);

    assertThat(BuiltKernelImage.find(build)).isEmpty();
  }

  @Test
  void aFifoInThePointersPlaceDoesNotHang() throws Exception {
    Path fifo = build.resolve("default-image");
    new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();

    assertThat(BuiltKernelImage.find(build)).isEmpty();
  }

  @Test
  void theBuildFolderFollowsTheScriptsRule() {
    Path home = Path.of("/home/ann");

    assertThat(BuiltKernelImage.buildDir(Map.of(), true, home))
        .isEqualTo(Path.of("/var/lib/ignite-build/kernel"));
    assertThat(BuiltKernelImage.buildDir(Map.of(), false, home))
        .isEqualTo(Path.of("/home/ann/.cache/ignite-build/kernel"));
    assertThat(BuiltKernelImage.buildDir(Map.of("XDG_CACHE_HOME", "/c"), false, home))
        .isEqualTo(Path.of("/c/ignite-build/kernel"));
    assertThat(BuiltKernelImage.buildDir(Map.of("IGNITE_KERNEL_BUILD_DIR", "/k"), true, home))
        .isEqualTo(Path.of("/k"));
  }
}
