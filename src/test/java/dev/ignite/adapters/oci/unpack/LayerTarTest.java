package dev.ignite.adapters.oci.unpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ignite.adapters.oci.Commands;
import dev.ignite.adapters.oci.Tars;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Layer tars as the real GNU tar writes them in each of its formats, unpacked and compared with the
 * tree they were made from; and damaged ones.
 */
class LayerTarTest {
  @TempDir Path dir;

  /** What an unpacked path must agree on with its source, not following links. */
  private record Seen(
      String path, String kind, String link, int mode, int uid, int gid, String content) {}

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
      Commands.run("chown", "1234:2345", root.resolve("plain").toString());
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

  private Path unpack(byte[] tar) throws IOException {
    Path out = Files.createDirectories(dir.resolve("out-" + System.nanoTime())).toRealPath();
    new LayerUnpacker(out, Commands.isRoot(), new UnpackBudget(UnpackLimits.DEFAULT))
        .apply(new ByteArrayInputStream(tar));
    return out;
  }

  private static List<Seen> seen(Path root) throws IOException {
    try (Stream<Path> all = Files.walk(root)) {
      List<Seen> seen = new ArrayList<>();
      for (Path p : all.sorted().toList()) {
        if (p.equals(root)) {
          continue;
        }
        boolean link = Files.isSymbolicLink(p);
        boolean file = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS);
        int mode = link ? 0 : (int) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        seen.add(
            new Seen(
                root.relativize(p).toString(),
                link ? "link" : Integer.toOctalString(mode >> 12),
                link ? Files.readSymbolicLink(p).toString() : "",
                mode & 07777,
                (int) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS),
                (int) Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS),
                file ? Files.readString(p, StandardCharsets.UTF_8) : ""));
      }
      return seen;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"gnu", "posix", "ustar", "oldgnu"})
  void unpacksWhatGnuTarWritesInEachFormatAsTheTreeItCameFrom(String format) throws Exception {
    Path root = tree();
    boolean ustar = format.equals("ustar"); // no long names, no long link targets
    String[] extra =
        ustar ? new String[] {"--exclude=./d*", "--exclude=./longlink"} : new String[0];
    Path out = unpack(gnuTar(root, format, extra));
    List<Seen> expected = seen(root);
    if (ustar) {
      expected.removeIf(s -> s.path().startsWith("d") || s.path().equals("longlink"));
    }
    assertThat(seen(out)).isEqualTo(expected);
    assertThat(Files.isSameFile(out.resolve("hard"), out.resolve("plain"))).isTrue();
    assertThat(Files.getLastModifiedTime(out.resolve("plain")).toMillis() / 1000)
        .isEqualTo(Files.getLastModifiedTime(root.resolve("plain")).toMillis() / 1000);
    if (Commands.isRoot()) {
      assertThat((long) Files.getAttribute(out.resolve("null"), "unix:rdev")).isEqualTo(0x103L);
    }
  }

  @Test
  void bigIdsComeFromPaxAndBase256AndPosixKeepsSubSecondTimes() throws Exception {
    assumeTrue(Commands.isRoot(), "owners need root");
    Path root = tree();
    FileTime precise = FileTime.from(Instant.parse("2024-02-03T04:05:06.123456789Z"));
    Files.setLastModifiedTime(root.resolve("empty"), precise);
    for (String format : List.of("posix", "gnu")) {
      Path out = unpack(gnuTar(root, format, "--owner=:3000000", "--group=:4000000"));
      assertThat(seen(out)).allSatisfy(s -> assertThat(s.uid()).isEqualTo(3_000_000));
      assertThat(seen(out)).allSatisfy(s -> assertThat(s.gid()).isEqualTo(4_000_000));
      FileTime mtime = Files.getLastModifiedTime(out.resolve("empty"));
      if (format.equals("posix")) {
        assertThat(mtime).isEqualTo(precise);
      } else {
        assertThat(mtime.toMillis() / 1000).isEqualTo(precise.toMillis() / 1000);
      }
    }
  }

  private static List<String> names(byte[] tar) throws IOException {
    List<String> names = new ArrayList<>();
    LayerTar in = new LayerTar(new ByteArrayInputStream(tar));
    for (TarArchiveEntry e; (e = in.next()) != null; ) {
      names.add(e.getName() + "=" + new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    return names;
  }

  @Test
  void aLayerCutInsideContentIsAnErrorNamingTheEntry() {
    byte[] tar = new Tars().file("big", "y".repeat(3000)).bytes();
    byte[] cut = Arrays.copyOf(tar, 512 + 1000);
    assertThatThrownBy(() -> names(cut))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("'big'");
  }

  @Test
  void aLayerEndingWithoutPaddingAfterItsLastEntryEndsThere() throws Exception {
    byte[] tar = new Tars().file("a", "abc").file("b", "defg").bytes();
    // umoci 0.4.7 insert writes such layers: no padding after the last content, no end blocks
    byte[] noPadding = Arrays.copyOf(tar, 512 + 512 + 512 + 4);
    assertThat(names(noPadding)).containsExactly("a=abc", "b=defg");
    assertThat(names(Arrays.copyOf(tar, 1024))).containsExactly("a=abc");
  }

  @Test
  void aLayerCutInsideAHeaderIsAnError() {
    byte[] tar = new Tars().file("a", "abc").file("b", "defg").bytes();
    assertThatThrownBy(() -> names(Arrays.copyOf(tar, 1024 + 300)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("bad header checksum at byte 1024");
  }

  @Test
  void aDamagedHeaderIsNotTakenForAnEntry() {
    byte[] tar = new Tars().file("a", "abc").bytes();
    tar[10] ^= 0x20;
    assertThatThrownBy(() -> names(tar))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("bad header checksum at byte 0");
  }

  @Test
  void notATarAtAllSaysSo() {
    byte[] junk = "{\"this\": \"is json\"}".repeat(40).getBytes();
    assertThatThrownBy(() -> names(junk))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not a tar");
  }

  @Test
  void paxRecordsMustBeWellFormed() {
    for (String payload : List.of("99 path=x\n", "5 path=abc\n", "x path=abc\n")) {
      byte[] tar = new Tars().paxPayload(payload.getBytes()).file("f", "x").bytes();
      assertThatThrownBy(() -> names(tar))
          .as(payload)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("not a tar archive or is damaged");
    }
  }

  @Test
  void paxTimesKeepTheirFraction() throws Exception {
    for (String time : List.of("1700000000.25", "-0.5")) {
      byte[] tar = new Tars().pax((byte) 'x', "mtime=" + time).file("f", "x").bytes();
      LayerTar in = new LayerTar(new ByteArrayInputStream(tar));
      Instant mtime = in.next().getLastModifiedTime().toInstant();
      assertThat(mtime)
          .hasToString(
              time.startsWith("-") ? "1969-12-31T23:59:59.500Z" : "2023-11-14T22:13:20.250Z");
    }
  }

  @Test
  void extendedAttributesKeepTheirBytesAndBelongToTheNextEntryOnly() throws Exception {
    byte[] capability = {1, 0, 0, 2, (byte) 0x80, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    byte[] tar =
        new Tars()
            .xattrs(Map.of("security.capability", capability, "user.note", "é\n=x".getBytes()))
            .file("bin/ping", "elf")
            .file("bin/other", "elf")
            .bytes();
    LayerTar in = new LayerTar(new ByteArrayInputStream(tar));
    assertThat(in.next().getName()).isEqualTo("bin/ping");
    Map<String, byte[]> xattrs = in.xattrs();
    assertThat(xattrs).containsOnlyKeys("security.capability", "user.note");
    assertThat(xattrs.get("security.capability")).isEqualTo(capability);
    assertThat(xattrs.get("user.note")).isEqualTo("é\n=x".getBytes());
    assertThat(in.next().getName()).isEqualTo("bin/other");
    assertThat(in.xattrs()).isEmpty();
  }
}
