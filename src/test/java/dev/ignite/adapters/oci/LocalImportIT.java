package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ignite.adapters.oci.cache.BlobStore;
import dev.ignite.adapters.oci.manifest.Digests;
import dev.ignite.ports.ImageException;
import dev.ignite.ports.ImportOptions;
import dev.ignite.ports.ImportProgress;
import dev.ignite.ports.ImportedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local transports, fed with archives and layouts made by the real skopeo and tar. */
@Tag("integration")
class LocalImportIT {
  @TempDir static Path work;
  static Path sample;
  @TempDir Path cache;
  @TempDir Path rootfs;

  @BeforeAll
  static void buildSample() throws Exception {
    sample = Commands.buildSampleImage(work);
  }

  private ImportedImage importAndUnpack(String ref) {
    OciImages images = OciImages.create(cache);
    ImportedImage image = images.importImage(ref, ImportOptions.defaults(), ImportProgress.NONE);
    images.unpack(image.id(), rootfs);
    return image;
  }

  private void assertSampleTree() {
    assertThat(rootfs.resolve("usr/bin/busybox")).isRegularFile().isExecutable();
    assertThat(rootfs.resolve("usr/sbin/init")).isRegularFile().isExecutable();
    assertThat(rootfs.resolve("usr/sbin/dropbear")).isRegularFile().isExecutable();
    assertThat(rootfs.resolve("sbin")).isSymbolicLink();
  }

  @Test
  void importsAnOciArchive() throws Exception {
    Path archive = work.resolve("sample-oci.tar");
    Commands.run("tar", "-C", sample.toString(), "-cf", archive.toString(), ".");
    ImportedImage image = importAndUnpack("oci-archive:" + archive + ":1");
    assertSampleTree();
    assertThat(image.ref()).isEqualTo("oci-archive:" + archive + ":1");
    assertOnlyImageBlobsAreCached(image);
  }

  @Test
  void importsADockerArchiveMadeBySkopeo() throws Exception {
    Path archive = work.resolve("sample-docker.tar");
    Files.deleteIfExists(archive);
    Commands.run(
        "skopeo", "copy", "--quiet", "oci:" + sample + ":1", "docker-archive:" + archive + ":s:1");
    ImportedImage image = importAndUnpack("docker-archive:" + archive);
    assertSampleTree();
    assertThat(image.layers()).hasSize(1);
    assertOnlyImageBlobsAreCached(image);
  }

  @Test
  void importsAPlainRootfsTar() throws Exception {
    Path tree = sampleRootfs();
    Path tar = work.resolve("rootfs-plain.tar");
    Commands.run("tar", "--numeric-owner", "-C", tree.toString(), "-cf", tar.toString(), ".");
    importAndUnpack("tar:" + tar);
    assertSampleTree();
  }

  @Test
  void importsAGzipRootfsTar() throws Exception {
    Path tree = sampleRootfs();
    Path tar = work.resolve("rootfs.tar.gz");
    Commands.run("tar", "--numeric-owner", "-C", tree.toString(), "-czf", tar.toString(), ".");
    ImportedImage image = importAndUnpack("tar:" + tar);
    assertSampleTree();
    assertThat(magicOf(image.layers().get(0))).startsWith("1f8b");
  }

  @Test
  void importsGzipLayers() throws Exception {
    ImportedImage image = importAndUnpack("oci:" + sample + ":1");
    assertSampleTree();
    assertThat(magicOf(image.layers().get(0))).startsWith("1f8b");
  }

  @Test
  void importsZstdLayersWrittenBySkopeo() throws Exception {
    Path zstd = work.resolve("sample-zstd");
    Commands.run(
        "skopeo",
        "copy",
        "--quiet",
        "--dest-compress-format",
        "zstd",
        "oci:" + sample + ":1",
        "oci:" + zstd + ":1");
    ImportedImage image = importAndUnpack("oci:" + zstd + ":1");
    assertSampleTree();
    assertThat(magicOf(image.layers().get(0))).isEqualTo("28b52ffd");
  }

  @Test
  void keepsOwnersAndDeviceNodesWhenRunAsRoot() throws Exception {
    assumeTrue(Commands.isRoot(), "owners and device nodes need root");
    Path tree = work.resolve("owned");
    Files.createDirectories(tree.resolve("dev"));
    Files.writeString(tree.resolve("owned-file"), "x");
    Commands.run("chown", "1234:2345", tree.resolve("owned-file").toString());
    Commands.run("mknod", tree.resolve("dev/null").toString(), "c", "1", "3");
    Path tar = work.resolve("owned.tar");
    Commands.run("tar", "--numeric-owner", "-C", tree.toString(), "-cf", tar.toString(), ".");

    importAndUnpack("tar:" + tar);

    Path file = rootfs.resolve("owned-file");
    assertThat(Files.getAttribute(file, "unix:uid")).isEqualTo(1234);
    assertThat(Files.getAttribute(file, "unix:gid")).isEqualTo(2345);
    Path dev = rootfs.resolve("dev/null");
    int mode = (int) Files.getAttribute(dev, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    assertThat(mode & 0170000).as("S_IFCHR").isEqualTo(0020000);
    // rdev of /dev/null is makedev(1, 3)
    assertThat((long) Files.getAttribute(dev, "unix:rdev")).isEqualTo(0x103L);
  }

  @Test
  void layoutWithAMissingBlobLeavesNothingInTheCache() throws Exception {
    Path broken = work.resolve("broken-layout");
    Commands.run("cp", "-a", sample.toString(), broken.toString());
    ImportedImage whole =
        OciImages.create(work.resolve("probe"))
            .importImage("oci:" + sample + ":1", ImportOptions.defaults(), ImportProgress.NONE);
    Files.delete(broken.resolve("blobs/sha256/" + Digests.hex(whole.layers().get(0))));

    OciImages images = OciImages.create(cache);
    assertThatThrownBy(
            () ->
                images.importImage(
                    "oci:" + broken + ":1", ImportOptions.defaults(), ImportProgress.NONE))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("missing blob " + whole.layers().get(0))
        .hasMessageContaining(broken.toString());
    assertThat(images.list()).isEmpty();
    assertThat(filesUnder(cache.resolve("blobs"))).isZero();
    assertThat(filesUnder(cache.resolve("tmp"))).isZero();
  }

  private Path sampleRootfs() throws Exception {
    Path tree = work.resolve("sample-rootfs");
    if (!Files.isDirectory(tree)) {
      OciImages images = OciImages.create(work.resolve("rootfs-cache"));
      ImportedImage image =
          images.importImage("oci:" + sample + ":1", ImportOptions.defaults(), ImportProgress.NONE);
      images.unpack(image.id(), tree);
    }
    return tree;
  }

  private void assertOnlyImageBlobsAreCached(ImportedImage image) throws IOException {
    // archive members that are not the config or a layer (manifests, index) are not kept
    assertThat(filesUnder(cache.resolve("blobs"))).isEqualTo(image.layers().size() + 1);
  }

  private String magicOf(String digest) throws IOException {
    try (InputStream in = Files.newInputStream(new BlobStore(cache).path(digest))) {
      return java.util.HexFormat.of().formatHex(in.readNBytes(4));
    }
  }

  private static long filesUnder(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).count();
    }
  }
}
