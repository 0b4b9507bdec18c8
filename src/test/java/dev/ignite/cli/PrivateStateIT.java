package dev.ignite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignite.core.ImageService;
import dev.ignite.testing.SampleImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An image unpacked as root keeps its setuid files and device nodes: a local user who could reach
 * them would run a setuid-root program of the image's choosing or open a device (here a copy of
 * /dev/null's numbers, in real images anything). The state dir keeps them out of reach.
 */
@Tag("integration")
class PrivateStateIT {
  @TempDir Path tmp;

  @Test
  void aLocalUserCannotReachAnImportedImagesSetuidFilesOrDevices() throws Exception {
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path rootfs = Files.createDirectories(tmp.resolve("rootfs/bin"));
    Path helper = Files.writeString(rootfs.resolve("helper"), "#!/bin/sh\nid\n");
    Files.setAttribute(helper, "unix:mode", 04755);
    Files.createDirectories(tmp.resolve("rootfs/dev"));
    SampleImage.run(
        List.of("mknod", tmp.resolve("rootfs/dev/null-copy").toString(), "c", "1", "3"));
    Path tar = tmp.resolve("image.tar");
    SampleImage.run(
        List.of("tar", "-C", tmp.resolve("rootfs").toString(), "-cf", tar.toString(), "."));
    // made by hand before ignite ever ran, as open to others as a fresh folder is
    Path state = Files.createDirectory(tmp.resolve("state"));
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));

    CliRun imported = CliRun.ignite(state, "image", "import", "tar:" + tar);

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    unpackAsTheFirstVmDoes(state);
    List<Path> unpacked;
    try (Stream<Path> all = Files.walk(state)) {
      unpacked = all.filter(p -> p.endsWith("bin/helper") || p.endsWith("dev/null-copy")).toList();
    }
    assertThat(unpacked).as("the importer keeps both").hasSizeGreaterThanOrEqualTo(2);
    for (Path p : unpacked) {
      assertThat(asNobody("stat", "--", p.toString()))
          .as(p.toString())
          .contains("Permission denied");
    }
  }

  private static void unpackAsTheFirstVmDoes(Path state) {
    GlobalOptions globals = new GlobalOptions();
    globals.stateDir = state.toString();
    ImageService images = new Wiring(globals, Map.of()).images(List.of());
    images.rootfs(images.list().get(0));
  }

  /** What {@code command} prints when run as the user nobody; it must fail. */
  private static String asNobody(String... command) throws Exception {
    List<String> argv =
        Stream.concat(
                Stream.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"),
                Stream.of(command))
            .toList();
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isNotZero();
    return out;
  }
}
