package dev.ignite.adapters.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelVersionTest {
  @TempDir Path dir;

  @Test
  void readsReleaseFromTheHostsBzImageHeader() throws IOException {
    Path kernel;
    try (Stream<Path> boot = Files.list(Path.of("/boot"))) {
      kernel =
          boot.filter(p -> p.getFileName().toString().startsWith("vmlinuz-"))
              .findFirst()
              .orElse(null);
    }
    assumeTrue(kernel != null && Files.isReadable(kernel), "needs linux-image-amd64 in /boot");
    String release = kernel.getFileName().toString().substring("vmlinuz-".length());

    assertThat(KernelVersion.of(kernel)).isEqualTo(release);
  }

  @Test
  void readsReleaseFromAnElfVmlinuxBanner() throws IOException {
    // An ELF vmlinux carries the same banner /proc/version prints; the header bytes are enough.
    byte[] head = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
    String banner = "\0\0Linux version 5.10.77-ignite (gcc version 10) #1 SMP\n\0";
    Path vmlinux = dir.resolve("vmlinux");
    Files.write(vmlinux, concat(head, banner.getBytes(StandardCharsets.US_ASCII)));

    assertThat(KernelVersion.of(vmlinux)).isEqualTo("5.10.77-ignite");
  }

  @Test
  void aBannerWhoseVersionIsAPathIsRefused() throws IOException {
    Path vmlinux = elfWithBanner("Linux version ../../../../root/.ssh (gcc version 12) #1 SMP");

    assertThatThrownBy(() -> KernelVersion.of(vmlinux))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("vmlinux")
        .hasMessageContaining("\"../../../../root/.ssh\" is not a kernel version");
  }

  @Test
  void versionsAreLettersDigitsAndDotPlusTildeDashUnderscoreAtMost64() throws IOException {
    for (String bad : new String[] {".", "..", "a/b", "a\"b", "a$b", "a:b", "x".repeat(65)}) {
      Path vmlinux = elfWithBanner("Linux version " + bad + " (gcc) #1");
      assertThatThrownBy(() -> KernelVersion.of(vmlinux)).as(bad).hasMessageContaining("is not a");
    }
    for (String good : new String[] {"6.1.0-56-amd64", "5.10.77+", "6.0~rc1_x", "x".repeat(64)}) {
      assertThat(KernelVersion.of(elfWithBanner("Linux version " + good + " (gcc) #1")))
          .isEqualTo(good);
    }
  }

  private Path elfWithBanner(String banner) throws IOException {
    byte[] head = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
    Path vmlinux = dir.resolve("vmlinux");
    Files.write(
        vmlinux, concat(head, ("\0" + banner + "\n\0").getBytes(StandardCharsets.US_ASCII)));
    return vmlinux;
  }

  @Test
  void refusesAFileThatIsNoKernel() throws IOException {
    Path notes = Files.writeString(dir.resolve("notes.txt"), "hello");

    assertThatThrownBy(() -> KernelVersion.of(notes))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("notes.txt")
        .hasMessageContaining("not a Linux kernel");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
