package dev.ignite.adapters.oci.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ignite.adapters.oci.Commands;
import dev.ignite.adapters.oci.Tars;
import dev.ignite.ports.ImageException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayerUnpackerTest {
  private final UnpackBudget budget = new UnpackBudget(UnpackLimits.DEFAULT);
  @TempDir Path root;

  private void apply(Tars layer) throws Exception {
    new LayerUnpacker(root.toRealPath(), false, budget)
        .apply(new ByteArrayInputStream(layer.bytes()));
  }

  @Test
  void acceptsALayerWhoseLastEntryLacksPaddingAsUmociInsertWritesThem() throws Exception {
    byte[] whole = new Tars().file("a", "x".repeat(700)).bytes();
    // header (512) + 700 bytes of data; the 324 padding bytes and end blocks are missing
    byte[] cut = java.util.Arrays.copyOf(whole, 512 + 700);
    new LayerUnpacker(root.toRealPath(), false, budget).apply(new ByteArrayInputStream(cut));
    assertThat(root.resolve("a")).hasContent("x".repeat(700));
  }

  @Test
  void aLayerCutInsideAFileIsAnError() {
    byte[] whole = new Tars().file("a", "x".repeat(700)).bytes();
    byte[] cut = java.util.Arrays.copyOf(whole, 512 + 300);
    assertThatThrownBy(
            () ->
                new LayerUnpacker(root.toRealPath(), false, budget)
                    .apply(new ByteArrayInputStream(cut)))
        .isInstanceOf(java.io.IOException.class);
  }

  @Test
  void whiteoutDeletesAFileOfALowerLayer() throws Exception {
    apply(new Tars().dir("etc").file("etc/keep", "k").file("etc/gone", "g"));
    apply(new Tars().file("etc/.wh.gone", ""));
    assertThat(root.resolve("etc/keep")).hasContent("k");
    assertThat(root.resolve("etc/gone")).doesNotExist();
    assertThat(root.resolve("etc/.wh.gone")).doesNotExist();
  }

  @Test
  void opaqueDirectoryHidesLowerContentButKeepsItsOwn() throws Exception {
    apply(new Tars().dir("opt").file("opt/old", "o").dir("opt/sub").file("opt/sub/x", "x"));
    apply(new Tars().dir("opt").file("opt/.wh..wh..opq", "").file("opt/new", "n"));
    assertThat(root.resolve("opt/new")).hasContent("n");
    assertThat(root.resolve("opt/old")).doesNotExist();
    assertThat(root.resolve("opt/sub")).doesNotExist();
  }

  @Test
  void keepsModesSymlinksAndHardLinks() throws Exception {
    apply(
        new Tars()
            .dir("bin")
            .file("bin/busybox", "#!", 04755)
            .symlink("bin/sh", "busybox")
            .hardlink("bin/ls", "bin/busybox"));
    Path busybox = root.resolve("bin/busybox");
    assertThat((int) Files.getAttribute(busybox, "unix:mode") & 07777).isEqualTo(04755);
    assertThat(Files.readSymbolicLink(root.resolve("bin/sh"))).isEqualTo(Path.of("busybox"));
    assertThat(Files.isSameFile(busybox, root.resolve("bin/ls"))).isTrue();
    assertThat((int) Files.getAttribute(busybox, "unix:nlink")).isEqualTo(2);
  }

  @Test
  void laterLayerReplacesAFileWithADirectory() throws Exception {
    apply(new Tars().file("thing", "file"));
    apply(new Tars().dir("thing").file("thing/inside", "i"));
    assertThat(root.resolve("thing/inside")).hasContent("i");
  }

  @Test
  void refusesDotDotEntries() {
    assertThatThrownBy(() -> apply(new Tars().file("../escape", "x")))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("'..'");
    assertThat(root.getParent().resolve("escape")).doesNotExist();
  }

  @Test
  void refusesAbsoluteEntries() {
    assertThatThrownBy(() -> apply(new Tars().file("/etc/evil", "x")))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("absolute");
  }

  @Test
  void symlinkedParentStaysInsideTheRoot() throws Exception {
    Path outside = Files.createTempDirectory("outside");
    apply(
        new Tars()
            .symlink("up", "../../../../../../" + outside)
            .symlink("abs", outside.toString()));
    apply(new Tars().file("up/planted", "p").file("abs/planted2", "p"));
    assertThat(outside.resolve("planted")).doesNotExist();
    assertThat(outside.resolve("planted2")).doesNotExist();
    assertThat(root.resolve(outside.toString().substring(1)).resolve("planted2")).hasContent("p");
  }

  @Test
  void hardLinkCannotReachOutsideTheRoot() {
    assertThatThrownBy(() -> apply(new Tars().hardlink("passwd", "../../../etc/passwd")))
        .isInstanceOf(ImageException.class);
    assertThat(Files.exists(root.resolve("passwd"), LinkOption.NOFOLLOW_LINKS)).isFalse();
  }

  @Test
  void symlinkMadeAfterAWhiteoutUnderItsNameStaysInsideTheRoot() throws Exception {
    Path outside = Files.createTempDirectory("outside");
    apply(
        new Tars()
            .dir("a")
            .file("a/x/y/.wh.gone", "")
            .symlink("a/x", outside.toString())
            .file("a/x/y/planted", "p"));
    assertThat(outside.resolve("y")).doesNotExist();
    assertThat(root.resolve(outside.toString().substring(1)).resolve("y/planted")).hasContent("p");
  }

  @Test
  void directoryEntryAfterItsChildrenKeepsTheChildrenAndTakesItsMode() throws Exception {
    apply(new Tars().file("etc/ssl/cert", "c").file("etc/ssl/", "", 040700));
    assertThat(root.resolve("etc/ssl/cert")).hasContent("c");
    assertThat((int) Files.getAttribute(root.resolve("etc/ssl"), "unix:mode") & 07777)
        .isEqualTo(0700);
  }

  @Test
  void laterEntryOfTheSamePathInOneLayerWins() throws Exception {
    apply(new Tars().dir("d").file("d/f", "first").file("d/f", "second").symlink("d/f", "x"));
    assertThat(Files.readSymbolicLink(root.resolve("d/f"))).isEqualTo(Path.of("x"));
  }

  @Test
  void laterLayerReplacesADirectoryWithASymlinkAndWritesThroughIt() throws Exception {
    apply(new Tars().dir("lib").file("lib/old", "o").dir("usr").dir("usr/lib"));
    apply(new Tars().symlink("lib", "usr/lib").file("lib/new", "n"));
    assertThat(root.resolve("usr/lib/new")).hasContent("n");
    assertThat(root.resolve("usr/lib/old")).doesNotExist();
  }

  @Test
  void directoryReplacedBySymlinkInTheSameLayerDoesNotChmodItsTarget() throws Exception {
    Path outside = Files.createTempFile("outside", ".txt");
    Files.setAttribute(outside, "unix:mode", 0600);
    apply(new Tars().file("d/", "", 040777).symlink("d", outside.toString()));
    assertThat((int) Files.getAttribute(outside, "unix:mode") & 07777).isEqualTo(0600);
    assertThat(Files.isSymbolicLink(root.resolve("d"))).isTrue();
  }

  /**
   * The directory modes and owners a layer asks for are applied at its end; a directory replaced by
   * a symlink meanwhile must not take them through the link, nor may anything under it.
   */
  @Test
  void directoryModesQueuedUnderAPathLaterMadeASymlinkDoNotReachTheHost() throws Exception {
    Path host = Files.createTempDirectory("host");
    Path victim = Files.createDirectory(host.resolve("victim"));
    Files.setAttribute(victim, "unix:mode", 0755);
    int uid = (int) Files.getAttribute(victim, "unix:uid");
    int gid = (int) Files.getAttribute(victim, "unix:gid");
    Files.setAttribute(host, "unix:mode", 0700);
    Tars layer =
        new Tars().dir("p").dir("p/victim", 04777, 4242, 4242).symlink("p", host.toString());
    new LayerUnpacker(root.toRealPath(), Commands.isRoot(), budget)
        .apply(new ByteArrayInputStream(layer.bytes()));
    assertThat((int) Files.getAttribute(victim, "unix:mode") & 07777).isEqualTo(0755);
    assertThat((int) Files.getAttribute(host, "unix:mode") & 07777).isEqualTo(0700);
    assertThat((int) Files.getAttribute(victim, "unix:uid")).isEqualTo(uid);
    assertThat((int) Files.getAttribute(victim, "unix:gid")).isEqualTo(gid);
    assertThat(Files.readSymbolicLink(root.resolve("p"))).isEqualTo(host);
  }

  /** The same through a later layer's symlink: an earlier layer's directory is replaced by it. */
  @Test
  void directoryModesOfALayerDoNotFollowASymlinkPutInPlaceOfTheirParentByTheSameLayer()
      throws Exception {
    Path host = Files.createTempDirectory("host");
    Path victim = Files.createDirectory(host.resolve("victim"));
    Files.setAttribute(victim, "unix:mode", 0755);
    apply(new Tars().dir("p").dir("p/victim"));
    apply(new Tars().dir("p/victim", 04777, 0, 0).symlink("p", host.toString()));
    assertThat((int) Files.getAttribute(victim, "unix:mode") & 07777).isEqualTo(0755);
  }

  /** A whiteout must name a sibling: {@code .wh...} would delete the folder that holds the root. */
  @ParameterizedTest
  @ValueSource(strings = {".wh...", ".wh..", ".wh.", "sub/.wh...", "sub/.wh..", "sub/.wh."})
  void refusesAWhiteoutThatNamesNoSibling(String whiteout, @TempDir Path parent) throws Exception {
    Path tree = Files.createDirectory(parent.resolve("tree"));
    Path sibling = Files.writeString(parent.resolve("sibling"), "keep");
    Files.createDirectories(tree.resolve("sub"));
    Files.writeString(tree.resolve("sub/keep"), "k");
    assertThatThrownBy(
            () ->
                new LayerUnpacker(tree.toRealPath(), false, budget)
                    .apply(new ByteArrayInputStream(new Tars().file(whiteout, "").bytes())))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("whiteout");
    assertThat(sibling).hasContent("keep");
    assertThat(tree.resolve("sub/keep")).hasContent("k");
  }

  /** Extended headers are capped at 1 MiB for an entry, however many of them come before it. */
  @Test
  void extendedHeadersChainedBeforeOneEntryAreCappedInTotal() {
    Tars layer = new Tars();
    for (int i = 0; i < 3; i++) {
      layer.pax((byte) 'x', "comment" + i + "=" + "c".repeat(600_000));
    }
    layer.file("f", "x");
    assertThatThrownBy(() -> apply(layer))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("1 MiB");
  }

  /** Global headers add up over the layer: what they carry to each entry is capped too. */
  @Test
  void globalHeadersAddingUpOverALayerAreCapped() {
    Tars layer = new Tars();
    for (int i = 0; i < 3; i++) {
      layer.pax((byte) 'g', "comment" + i + "=" + "g".repeat(600_000)).file("f" + i, "x");
    }
    assertThatThrownBy(() -> apply(layer))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("1 MiB");
  }

  @Test
  void oneExtendedHeaderWithinTheCapIsRead() throws Exception {
    String deep = "d/".repeat(200) + "file";
    apply(
        new Tars()
            .pax((byte) 'x', "path=" + deep, "comment=" + "c".repeat(500_000))
            .file("short", "x"));
    assertThat(root.resolve(deep)).hasContent("x");
  }

  private static final byte[] CAP_NET_RAW = {
    1, 0, 0, 2, 0, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
  };

  private void applyAsRoot(Tars layer) throws Exception {
    new LayerUnpacker(root.toRealPath(), true, budget)
        .apply(new ByteArrayInputStream(layer.bytes()));
  }

  /** getfattr's hex dump of every attribute of {@code path}, not following a link. */
  private static String xattrsOf(Path path) throws Exception {
    return Commands.run(
        "getfattr", "-h", "--absolute-names", "-d", "-m", "-", "-e", "hex", path.toString());
  }

  @Test
  void extendedAttributesReachTheTreeByteForByte() throws Exception {
    assumeTrue(Commands.isRoot(), "security.* attributes need root");
    applyAsRoot(
        new Tars()
            .dir("bin")
            .xattrs(
                Map.of("security.capability", CAP_NET_RAW, "user.mark", new byte[] {(byte) 0xff}))
            .file("bin/ping", "elf", 0755)
            .xattrs(Map.of("user.dir", "d".getBytes()))
            .file("etc/", "", 040755));
    assertThat(xattrsOf(root.resolve("bin/ping")))
        .contains("security.capability=0x0100000200200000000000000000000000000000")
        .contains("user.mark=0xff");
    assertThat(xattrsOf(root.resolve("etc"))).contains("user.dir=0x64");
  }

  @Test
  void extendedAttributesQueuedUnderAPathLaterMadeASymlinkDoNotReachTheHost() throws Exception {
    Path host = Files.createTempDirectory("host");
    Path victim = Files.createDirectory(host.resolve("victim"));
    apply(
        new Tars()
            .dir("p")
            .xattrs(Map.of("user.planted", "x".getBytes()))
            .file("p/victim/", "", 040755)
            .symlink("p", host.toString()));
    assertThat(xattrsOf(victim)).doesNotContain("user.planted");
  }

  @Test
  void extendedAttributesOutsideTheKnownNamespacesAreSkipped() throws Exception {
    apply(
        new Tars()
            .xattrs(Map.of("user.kept", "k".getBytes(), "bogus.name", "b".getBytes()))
            .file("f", "x"));
    assertThat(xattrsOf(root.resolve("f"))).contains("user.kept").doesNotContain("bogus");
  }

  /** Setting a FIFO's time must not open it: that waits for a writer that never comes. */
  @Test
  void aFifoIsMadeWithItsTimeWithoutWaitingForAWriter() throws Exception {
    Path fifo = root.resolve("run/initctl");
    assertTimeoutPreemptively(
        Duration.ofSeconds(60), () -> apply(new Tars().dir("run").fifo("run/initctl")));
    assertThat((int) Files.getAttribute(fifo, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000)
        .as("S_IFIFO")
        .isEqualTo(0010000);
  }
}
