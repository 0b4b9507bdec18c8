package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImportOptions;
import dev.ignite.ports.ImportProgress;
import dev.ignite.ports.ImportedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layers written as an attacker would, pushed by skopeo to a real docker-registry on loopback and
 * imported from there: the host outside the image's tree stays as it was.
 */
@Tag("integration")
class HostileLayerIT {
  @TempDir static Path work;
  static DockerRegistry registry;

  @BeforeAll
  static void startRegistry() throws Exception {
    registry = DockerRegistry.start(work, List.of());
  }

  @AfterAll
  static void stopRegistry() throws Exception {
    if (registry != null) {
      registry.close();
    }
  }

  /** Pushes an image whose one layer is {@code layer} as {@code name:1}; returns its reference. */
  private static String push(String name, Tars layer) throws Exception {
    Path dir = Files.createDirectories(work.resolve(name));
    Path tar = Files.write(dir.resolve("layer.tar"), layer.bytes());
    Path layout = dir.resolve("layout");
    Commands.run("umoci", "init", "--layout", layout.toString());
    Commands.run("umoci", "new", "--image", layout + ":t");
    Commands.run("umoci", "raw", "add-layer", "--image", layout + ":t", tar.toString());
    String ref = registry.host() + "/" + name + ":1";
    Commands.run(
        "skopeo",
        "copy",
        "--quiet",
        "--dest-tls-verify=false",
        "oci:" + layout + ":t",
        "docker://" + ref);
    return ref;
  }

  /** Imports and unpacks {@code ref}; returns the unpack's error, if any. */
  private static Optional<ImageException> importAndUnpack(String ref, Path cache, Path rootfs) {
    OciImages images = OciImages.create(cache);
    ImportedImage image =
        images.importImage(
            ref,
            ImportOptions.defaults().withInsecureRegistry(registry.host()),
            ImportProgress.NONE);
    try {
      images.unpack(image.id(), rootfs);
      return Optional.empty();
    } catch (ImageException e) {
      return Optional.of(e);
    }
  }

  @Test
  void aDirectoryModeQueuedUnderAPathTheLayerTurnsIntoASymlinkLeavesTheHostFolderAlone()
      throws Exception {
    Path host = Files.createDirectories(work.resolve("host-folder"));
    Path victim = Files.createDirectories(host.resolve("victim"));
    Files.setAttribute(victim, "unix:mode", 0755);
    int uid = (int) Files.getAttribute(victim, "unix:uid");
    String ref =
        push(
            "chmod-through-link",
            new Tars().dir("p").dir("p/victim", 04777, 4242, 4242).symlink("p", host.toString()));

    importAndUnpack(ref, work.resolve("cache-chmod"), work.resolve("rootfs-chmod"));

    assertThat((int) Files.getAttribute(victim, "unix:mode") & 07777).isEqualTo(0755);
    assertThat((int) Files.getAttribute(victim, "unix:uid")).isEqualTo(uid);
  }

  @Test
  void aWhiteoutNamingTheParentOfTheTreeDeletesNothingBesideIt() throws Exception {
    Path beside = Files.createDirectories(work.resolve("beside-the-tree"));
    Path neighbour = Files.writeString(beside.resolve("neighbour"), "keep");
    String ref = push("whiteout-dotdot", new Tars().file("etc/hostname", "x").file(".wh...", ""));

    Path cache = work.resolve("cache-whiteout");
    Optional<ImageException> refused = importAndUnpack(ref, cache, beside.resolve("rootfs"));

    assertThat(refused).get().asString().contains("'.wh...' is a whiteout that names no file");
    assertThat(neighbour).hasContent("keep");
    assertThat(cache.resolve("blobs/sha256")).isNotEmptyDirectory();
  }

  /**
   * Image B reuses image A's config but brings other layers: importing B after A must not hand out
   * the tree unpacked from A's layers, nor B's layers under A's config.
   */
  @Test
  void imagesSharingAConfigButNotLayersDoNotShareAnUnpackedTree() throws Exception {
    byte[] real = new Tars().dir("etc").file("etc/hostname", "a").bytes();
    byte[] other = new Tars().dir("etc").file("etc/hostname", "b").bytes();
    byte[] config = Layouts.config(List.of(Layouts.diffId(real)));
    Path layout = work.resolve("shared-config/layout");
    new Layouts(layout).image("a", config, List.of(real)).image("b", config, List.of(other));
    for (String tag : List.of("a", "b")) {
      Commands.run(
          "skopeo",
          "copy",
          "--quiet",
          "--dest-tls-verify=false",
          "oci:" + layout + ":" + tag,
          "docker://" + registry.host() + "/shared-config:" + tag);
    }
    Path cache = work.resolve("cache-shared-config");
    ImportOptions insecure = ImportOptions.defaults().withInsecureRegistry(registry.host());
    OciImages images = OciImages.create(cache);
    images.importImage(registry.host() + "/shared-config:a", insecure, ImportProgress.NONE);
    ImportedImage b =
        images.importImage(registry.host() + "/shared-config:b", insecure, ImportProgress.NONE);

    assertThatThrownBy(() -> images.unpack(b.id(), work.resolve("rootfs-shared-config")))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("rootfs.diff_ids");
  }
}
