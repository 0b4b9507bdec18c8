package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.adapters.oci.cache.UnpackedTrees;
import dev.ignite.adapters.oci.manifest.Digests;
import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImportOptions;
import dev.ignite.ports.ImportProgress;
import dev.ignite.ports.ImportedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real docker-registry on loopback, an image built by umoci and pushed by skopeo. */
@Tag("integration")
class RegistryImportIT {
  @TempDir static Path work;
  static DockerRegistry registry;
  static String host;

  @BeforeAll
  static void startRegistryAndPushSample() throws Exception {
    registry = DockerRegistry.start(work, List.of());
    host = registry.host();
    Path layout = buildTwoLayerLayout();
    push(layout, "t", "sample:1");
    Path sample = Commands.buildSampleImage(work);
    push(sample, "1", "offline-sample:1");
  }

  /**
   * Pushes tag {@code tag} of an OCI layout to the test registry as {@code nameAndTag}, by skopeo.
   */
  static void push(Path layout, String tag, String nameAndTag) throws Exception {
    Commands.run(
        "skopeo",
        "copy",
        "--quiet",
        "--dest-tls-verify=false",
        "oci:" + layout + ":" + tag,
        "docker://" + host + "/" + nameAndTag);
  }

  /** Layer 1 adds etc/a and etc/gone; layer 2 deletes etc/gone (a whiteout) and adds etc/b. */
  static Path buildTwoLayerLayout() throws Exception {
    Path layout = work.resolve("layout");
    Path bundle = work.resolve("bundle");
    Commands.run("umoci", "init", "--layout", layout.toString());
    Commands.run("umoci", "new", "--image", layout + ":t");
    Commands.run("umoci", "unpack", "--rootless", "--image", layout + ":t", bundle.toString());
    Files.createDirectories(bundle.resolve("rootfs/etc"));
    Files.writeString(bundle.resolve("rootfs/etc/a"), "first\n");
    Files.writeString(bundle.resolve("rootfs/etc/gone"), "deleted later\n");
    Commands.run("umoci", "repack", "--image", layout + ":t", bundle.toString());
    Commands.deleteTree(bundle);
    Commands.run("umoci", "unpack", "--rootless", "--image", layout + ":t", bundle.toString());
    Files.delete(bundle.resolve("rootfs/etc/gone"));
    Files.writeString(bundle.resolve("rootfs/etc/b"), "second\n");
    Commands.run("umoci", "repack", "--image", layout + ":t", bundle.toString());
    return layout;
  }

  @AfterAll
  static void stopRegistry() throws Exception {
    if (registry != null) {
      registry.close();
    }
  }

  @Test
  void importsFromRegistryUnpacksLayersAndSecondImportDownloadsNothing() throws Exception {
    OciImages images = OciImages.create(work.resolve("cache1"));
    ImportOptions insecure = ImportOptions.defaults().withInsecureRegistry(host);
    ImportedImage first = images.importImage(host + "/sample:1", insecure, (d, done, total) -> {});
    assertThat(first.layers()).hasSize(2);
    assertThat(first.downloadedBytes()).isPositive();
    assertThat(first.repoDigests()).singleElement().asString().startsWith(host + "/sample@sha256:");
    assertThat(first.ref()).isEqualTo(host + "/sample:1");

    // the layers were unpacked while they downloaded; the unpack takes that tree
    Path unpacked = work.resolve("cache1/unpacked");
    assertThat(childrenOf(unpacked)).containsExactly(UnpackedTrees.key(first.id(), first.layers()));
    Path rootfs = work.resolve("rootfs");
    images.unpack(first.id(), rootfs);
    assertThat(rootfs.resolve("etc/a")).hasContent("first");
    assertThat(rootfs.resolve("etc/b")).hasContent("second");
    assertThat(rootfs.resolve("etc/gone")).doesNotExist();
    assertThat(childrenOf(unpacked)).isEmpty();

    ImportedImage second = images.importImage(host + "/sample:1", insecure, (d, done, total) -> {});
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.downloadedBytes()).isZero();
    assertThat(images.list()).extracting(ImportedImage::id).containsExactly(first.id());
    assertThat(childrenOf(unpacked)).as("nothing downloaded, nothing unpacked").isEmpty();
    assertThat(childrenOf(work.resolve("cache1/tmp"))).isEmpty();

    // without a tree kept, the next unpack reads the blobs: the same files
    Path again = work.resolve("rootfs-again");
    images.unpack(first.id(), again);
    assertThat(again.resolve("etc/b")).hasContent("second");
    assertThat(again.resolve("etc/gone")).doesNotExist();
  }

  @Test
  void removingAnImageRemovesTheTreeItsImportUnpacked() throws Exception {
    Path cache = work.resolve("cache-rm");
    OciImages images = OciImages.create(cache);
    ImportedImage image =
        images.importImage(
            host + "/sample:1",
            ImportOptions.defaults().withInsecureRegistry(host),
            ImportProgress.NONE);
    assertThat(childrenOf(cache.resolve("unpacked")))
        .containsExactly(UnpackedTrees.key(image.id(), image.layers()));
    assertThat(images.remove(image.id())).isTrue();
    assertThat(childrenOf(cache.resolve("unpacked"))).isEmpty();
    assertThat(childrenOf(cache.resolve("blobs/sha256"))).isEmpty();
  }

  /**
   * A layer whose hard link points at nothing (real GNU tar, the link's target deleted from the
   * archive with --delete, added verbatim by umoci): the import itself succeeds, as it did before
   * layers were unpacked during it, keeps no tree, and the unpack reports the broken link.
   */
  @Test
  void aLayerTheUnpackerRefusesStillImportsAndTheUnpackSaysWhy() throws Exception {
    Path files = Files.createDirectories(work.resolve("broken-link/files"));
    Files.writeString(files.resolve("a"), "target\n");
    Files.createLink(files.resolve("b"), files.resolve("a"));
    Path tar = work.resolve("broken-link/layer.tar");
    Commands.run("tar", "-C", files.toString(), "-cf", tar.toString(), "a", "b");
    Commands.run("tar", "--delete", "-f", tar.toString(), "a");
    Path layout = work.resolve("broken-link/layout");
    Commands.run("umoci", "init", "--layout", layout.toString());
    Commands.run("umoci", "new", "--image", layout + ":t");
    Commands.run("umoci", "raw", "add-layer", "--image", layout + ":t", tar.toString());
    push(layout, "t", "broken-link:1");

    Path cache = work.resolve("cache-broken-link");
    OciImages images = OciImages.create(cache);
    ImportedImage image =
        images.importImage(
            host + "/broken-link:1",
            ImportOptions.defaults().withInsecureRegistry(host),
            ImportProgress.NONE);
    assertThat(childrenOf(cache.resolve("unpacked"))).isEmpty();
    assertThat(childrenOf(cache.resolve("tmp"))).isEmpty();
    assertThatThrownBy(() -> images.unpack(image.id(), work.resolve("rootfs-broken-link")))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("hard link 'b' points to missing 'a'");
  }

  private static List<String> childrenOf(Path dir) throws Exception {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children.map(p -> p.getFileName().toString()).toList();
    }
  }

  @Test
  void importsTheOfflineSampleImageAndSecondImportDownloadsNothing() throws Exception {
    OciImages images = OciImages.create(work.resolve("cache-sample"));
    ImportOptions insecure = ImportOptions.defaults().withInsecureRegistry(host);
    String ref = host + "/offline-sample:1";
    java.util.Map<String, long[]> unpacked = new java.util.concurrent.ConcurrentHashMap<>();
    ImportProgress progress =
        new ImportProgress() {
          @Override
          public void onBlob(String digest, long done, long total) {}

          @Override
          public void onUnpack(String layer, long done, long total) {
            unpacked.put(layer, new long[] {done, total});
          }
        };
    ImportedImage first = images.importImage(ref, insecure, progress);
    assertThat(first.downloadedBytes()).isEqualTo(first.sizeBytes());
    // the unpack beside the download reports each layer up to its size
    assertThat(unpacked.keySet()).containsExactlyInAnyOrderElementsOf(first.layers());
    assertThat(unpacked.values()).allSatisfy(v -> assertThat(v[0]).isEqualTo(v[1]).isPositive());

    Path rootfs = work.resolve("rootfs-sample");
    images.unpack(first.id(), rootfs);
    // bin and sbin are symlinks into usr (merged /usr); resolve them inside the tree
    assertThat(rootfs.resolve("bin")).isSymbolicLink();
    assertThat(rootfs.resolve("usr/bin/busybox")).isRegularFile().isExecutable();
    assertThat(rootfs.resolve("usr/sbin/init")).isRegularFile().isExecutable();
    assertThat(rootfs.resolve("usr/sbin/dropbear")).isRegularFile().isExecutable();
    assertThat(rootfs.resolve("bin/busybox")).isRegularFile();
    assertThat(rootfs.resolve("sbin/init")).isRegularFile();

    ImportedImage second = images.importImage(ref, insecure, ImportProgress.NONE);
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(second.downloadedBytes()).isZero();
  }

  @Test
  void unknownTagIsAClearNotFoundError() {
    OciImages images = OciImages.create(work.resolve("cache2"));
    assertThatThrownBy(
            () ->
                images.importImage(
                    host + "/sample:nope",
                    ImportOptions.defaults().withInsecureRegistry(host),
                    (d, done, total) -> {}))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("not found")
        .hasMessageContaining(host + "/sample:nope");
    assertThat(images.list()).isEmpty();
  }

  @Test
  void registryDownFailsAfterBoundedRetriesAndLeavesNothing() throws Exception {
    Path cache = work.resolve("cache3");
    OciImages images = OciImages.create(cache, 3, Duration.ofMillis(50));
    String down = "127.0.0.1:" + dev.ignite.testing.LoopbackPorts.free();
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                images.importImage(
                    down + "/sample:1",
                    ImportOptions.defaults().withInsecureRegistry(down),
                    (d, done, total) -> {}))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("registry " + down)
        .hasMessageContaining("3 attempts");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    assertThat(images.list()).isEmpty();
    try (Stream<Path> blobs = Files.list(cache.resolve("blobs/sha256"))) {
      assertThat(blobs).isEmpty();
    }
  }

  @Test
  void importsTheSameImageFromAnOciLayout() throws Exception {
    OciImages images = OciImages.create(work.resolve("cache4"));
    ImportedImage fromLayout =
        images.importImage(
            "oci:" + work.resolve("layout") + ":t", ImportOptions.defaults(), (d, n, t) -> {});
    Path rootfs = work.resolve("rootfs-layout");
    images.unpack(fromLayout.id(), rootfs);
    assertThat(rootfs.resolve("etc/b")).hasContent("second");
    assertThat(rootfs.resolve("etc/gone")).doesNotExist();
  }

  @Test
  void aTamperedLayerFailsTheImportAndLeavesNoBlobWhileOtherLayersDownloadBesideIt()
      throws Exception {
    Path layout = work.resolve("layout-tampered");
    Path bundle = work.resolve("bundle-tampered");
    Commands.run("umoci", "init", "--layout", layout.toString());
    Commands.run("umoci", "new", "--image", layout + ":t");
    for (String name : List.of("one", "two", "three")) {
      Commands.run("umoci", "unpack", "--rootless", "--image", layout + ":t", bundle.toString());
      Files.writeString(bundle.resolve("rootfs/" + name), name + " " + System.nanoTime() + "\n");
      Commands.run("umoci", "repack", "--image", layout + ":t", bundle.toString());
      Commands.deleteTree(bundle);
    }
    push(layout, "t", "tampered:1");
    List<String> layers =
        OciImages.create(work.resolve("cache-layout-tampered"))
            .importImage("oci:" + layout + ":t", ImportOptions.defaults(), ImportProgress.NONE)
            .layers();
    // a real registry serving bad bytes: its stored blob is overwritten behind its back
    String hex = Digests.hex(layers.get(1));
    Path data =
        work.resolve("registry-data/docker/registry/v2/blobs/sha256")
            .resolve(hex.substring(0, 2))
            .resolve(hex)
            .resolve("data");
    byte[] bad = Files.readAllBytes(data);
    bad[bad.length / 2] ^= 0x55;
    Files.write(data, bad);

    Path cache = work.resolve("cache-tampered");
    OciImages images = OciImages.create(cache, 1, Duration.ofMillis(10));
    assertThatThrownBy(
            () ->
                images.importImage(
                    host + "/tampered:1",
                    ImportOptions.defaults().withInsecureRegistry(host),
                    ImportProgress.NONE))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("digest mismatch")
        .hasMessageContaining(layers.get(1));
    assertThat(images.list()).isEmpty();
    assertThat(childrenOf(cache.resolve("blobs/sha256"))).isEmpty();
    // what was unpacked from the bytes before the mismatch showed is gone too
    assertThat(childrenOf(cache.resolve("unpacked"))).isEmpty();
    assertThat(childrenOf(cache.resolve("tmp"))).isEmpty();
  }

  /** bin/ignite with {@code args} against the state dir {@code state}: [exit code, output]. */
  private static Object[] binIgnite(String state, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(Path.of("").toAbsolutePath().resolve("bin/ignite").toString());
    cmd.addAll(List.of("--state-dir", work.resolve(state).toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    return new Object[] {p.waitFor(), out};
  }

  @Test
  void createWithInsecureRegistryImportsTheImageAtOnce() throws Exception {
    Object[] created =
        binIgnite(
            "cli-create", "create", host + "/sample:1", "--insecure-registry", host, "--name", "x");
    assertThat(created[0]).as((String) created[1]).isEqualTo(0);
    assertThat((String) binIgnite("cli-create", "image", "ls")[1]).contains(host + "/sample:1");
    assertThat((String) binIgnite("cli-create", "inspect", "vm", "x", "-o", "yaml")[1])
        .contains("oci: " + host + "/sample:1");
  }

  /**
   * The kernel is missing, so run stops after the image import, before QEMU, and removes the VM.
   */
  @Test
  void runPassesInsecureRegistryToTheImportOfAMissingImage() throws Exception {
    Object[] run =
        binIgnite(
            "cli-run",
            "run",
            host + "/sample:1",
            "--insecure-registry",
            host,
            "--kernel-image",
            work.resolve("no-such-kernel").toString(),
            "--name",
            "y");
    assertThat(run[0]).as((String) run[1]).isNotEqualTo(0);
    assertThat((String) run[1]).contains("no-such-kernel");
    assertThat((String) binIgnite("cli-run", "image", "ls")[1]).contains(host + "/sample:1");
  }
}
