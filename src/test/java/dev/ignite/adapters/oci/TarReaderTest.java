package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our reader against commons-compress's on archives written by the real GNU tar in each of its
 * formats, and on damaged ones.
 */
class TarReaderTest {
  @TempDir Path dir;

  /** What both readers must agree on, entry by entry. */
  private record Seen(
      String name,
      String kind,
      String link,
      int mode,
      long uid,
      long gid,
      long mtimeSeconds,
      String device,
      String content) {}

  private Path tree() throws Exception {
    Path root = Files.createDirectories(dir.resolve("root"));
    String deep = "d".repeat(60) + "/" + "e".repeat(60);
    Files.createDirectories(root.resolve(deep));
    Files.writeString(root.resolve(deep + "/" + "f".repeat(120)), "long name\n");
    Files.writeString(root.resolve("plain"), "x".repeat(1000));
    Files.writeString(root.resolve("empty"), "");
    Files.writeString(root.resolve("grüße ✓"), "unicode\n");
    Files.createSymbolicLink(root.resolve("link"), Path.of("plain"));
    Files.createSymbolicLink(root.resolve("longlink"), Path.of("../" + "t".repeat(150)));
    Files.createLink(root.resolve("hard"), root.resolve("plain"));
    Commands.run("mkfifo", root.resolve("fifo").toString());
    if (Commands.isRoot()) {
      Commands.run("mknod", root.resolve("null").toString(), "c", "1", "3");
    }
    Commands.run("chmod", "4755", root.resolve("plain").toString());
    return root;
  }

  private byte[] gnuTar(Path root, String format, String... extra) throws Exception {
    Path out = dir.resolve(format + ".tar");
    List<String> cmd = new ArrayList<>(List.of("tar", "--format=" + format, "-C", root.toString()));
    cmd.addAll(Arrays.asList(extra));
    cmd.addAll(List.of("-cf", out.toString(), "."));
    Commands.run(cmd.toArray(String[]::new));
    return Files.readAllBytes(out);
  }

  private static String kind(
      boolean dir, boolean symlink, boolean hardlink, boolean fifo, boolean chr, boolean file) {
    return dir
        ? "dir"
        : symlink
            ? "symlink"
            : hardlink ? "hardlink" : fifo ? "fifo" : chr ? "char" : file ? "file" : "other";
  }

  private static List<Seen> ours(byte[] tar) throws IOException {
    List<Seen> seen = new ArrayList<>();
    try (TarReader in = new TarReader(new ByteArrayInputStream(tar))) {
      for (TarEntry e; (e = in.next()) != null; ) {
        seen.add(
            new Seen(
                e.name(),
                kind(
                    e.isDirectory(),
                    e.isSymbolicLink(),
                    e.isLink(),
                    e.isFIFO(),
                    e.isCharacterDevice(),
                    e.isFile()),
                e.isSymbolicLink() || e.isLink() ? e.linkName() : "",
                e.mode(),
                e.uid(),
                e.gid(),
                e.mtime().toMillis() / 1000,
                e.isCharacterDevice() ? e.devMajor() + ":" + e.devMinor() : "",
                new String(in.readAllBytes())));
      }
    }
    return seen;
  }

  private static List<Seen> theirs(byte[] tar) throws IOException {
    List<Seen> seen = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
        seen.add(
            new Seen(
                e.getName(),
                kind(
                    e.isDirectory(),
                    e.isSymbolicLink(),
                    e.isLink(),
                    e.isFIFO(),
                    e.isCharacterDevice(),
                    e.isFile()),
                e.isSymbolicLink() || e.isLink() ? e.getLinkName() : "",
                e.getMode() & 07777,
                e.getLongUserId(),
                e.getLongGroupId(),
                e.getLastModifiedDate().getTime() / 1000,
                e.isCharacterDevice() ? e.getDevMajor() + ":" + e.getDevMinor() : "",
                new String(in.readAllBytes())));
      }
    }
    return seen;
  }

  @ParameterizedTest
  @ValueSource(strings = {"gnu", "posix", "ustar", "oldgnu"})
  void readsWhatGnuTarWritesAsCommonsCompressDoes(String format) throws Exception {
    Path root = tree();
    String[] extra =
        format.equals("ustar")
            ? new String[] {"--exclude=./d*", "--exclude=./longlink"}
            : new String[0];
    byte[] tar = gnuTar(root, format, extra);
    List<Seen> ours = ours(tar);
    assertThat(ours).isEqualTo(theirs(tar));
    assertThat(ours).extracting(Seen::kind).contains("dir", "file", "symlink", "hardlink", "fifo");
    assertThat(ours).extracting(Seen::name).contains("./grüße ✓");
    if (Commands.isRoot()) {
      assertThat(ours).extracting(Seen::device).contains("1:3");
    }
  }

  @Test
  void bigIdsAndSubSecondTimesComeFromPaxAndBase256() throws Exception {
    Path root = tree();
    for (String format : List.of("posix", "gnu")) {
      byte[] tar = gnuTar(root, format, "--owner=:3000000", "--group=:4000000");
      List<Seen> ours = ours(tar);
      assertThat(ours).allSatisfy(s -> assertThat(s.uid()).isEqualTo(3_000_000));
      assertThat(ours).allSatisfy(s -> assertThat(s.gid()).isEqualTo(4_000_000));
      assertThat(ours).isEqualTo(theirs(tar));
    }
  }

  @Test
  void aLayerCutInsideContentIsAnErrorNamingTheEntry() throws Exception {
    byte[] tar = new Tars().file("big", "y".repeat(3000)).bytes();
    byte[] cut = Arrays.copyOf(tar, 512 + 1000);
    assertThatThrownBy(() -> ours(cut))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'big'");
  }

  @Test
  void aLayerEndingWithoutPaddingAfterItsLastEntryEndsThere() throws Exception {
    byte[] tar = new Tars().file("a", "abc").bytes();
    byte[] noPadding = Arrays.copyOf(tar, 512 + 3); // umoci 0.4.7 insert writes such layers
    assertThat(ours(noPadding)).extracting(Seen::content).containsExactly("abc");
  }

  @Test
  void aDamagedHeaderIsNotTakenForAnEntry() throws Exception {
    byte[] tar = new Tars().file("a", "abc").bytes();
    tar[10] ^= 0x20;
    assertThatThrownBy(() -> ours(tar))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("bad header checksum at byte 0");
  }

  @Test
  void notATarAtAllSaysSo() {
    byte[] junk = "{\"this\": \"is json\"}".repeat(40).getBytes();
    assertThatThrownBy(() -> ours(junk))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a tar");
  }

  @Test
  void paxRecordsMustBeWellFormed() {
    assertThatThrownBy(() -> Pax.parse("99 path=x\n".getBytes()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("bad pax");
    assertThatThrownBy(() -> Pax.parse("5 path=abc\n".getBytes())).isInstanceOf(IOException.class);
  }

  @Test
  void paxTimesKeepTheirFraction() throws Exception {
    assertThat(Pax.time("1700000000.25").toInstant()).hasToString("2023-11-14T22:13:20.250Z");
    assertThat(Pax.time("-0.5").toInstant()).hasToString("1969-12-31T23:59:59.500Z");
  }
}
