package dev.ignite.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnpackStagingTest {
  @TempDir Path imageDir;

  @Test
  void removesTheStagingOfADeadProcessAndKeepsALiveOnes() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path dead = imageDir.resolve(".unpack-" + gone.pid() + "-1");
    Files.createDirectories(dead.resolve("etc"));
    Files.writeString(dead.resolve("etc/hostname"), "half-unpacked");
    Path ours = UnpackStaging.next(imageDir);
    Files.createDirectories(ours);
    Path rootfs = Files.createDirectories(imageDir.resolve("rootfs"));

    UnpackStaging.sweepDead(imageDir);

    assertThat(dead).doesNotExist();
    assertThat(ours).isDirectory();
    assertThat(rootfs).isDirectory();
  }

  @Test
  void readsThePidFromTheNameOnly() {
    assertThat(UnpackStaging.pidOf(".unpack-1234-5f")).isEqualTo(1234);
    assertThat(UnpackStaging.pidOf(".unpack-x-1")).isEqualTo(-1);
    assertThat(UnpackStaging.pidOf("rootfs")).isEqualTo(-1);
  }

  @Test
  void aMissingImageFolderIsNothingToSweep() {
    UnpackStaging.sweepDead(imageDir.resolve("not-yet"));
    assertThat(imageDir.resolve("not-yet")).doesNotExist();
  }
}
