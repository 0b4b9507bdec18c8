package dev.ignite.adapters.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ignite.ports.KernelStore;
import dev.ignite.ports.StoredKernel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKernelStoreTest {
  @TempDir Path state;
  @TempDir Path boot;

  /** A copy of a real kernel under a name of our choosing, so the test owns its "/boot". */
  private Path realKernelAs(String name) throws IOException {
    Path hostKernel;
    try (var files = Files.list(Path.of("/boot"))) {
      hostKernel =
          files
              .filter(p -> p.getFileName().toString().startsWith("vmlinuz-"))
              .findFirst()
              .orElseThrow(() -> new IOException("needs linux-image-amd64 in /boot"));
    }
    return Files.copy(hostKernel, boot.resolve(name));
  }

  @Test
  void importsTheNewestHostKernelWithItsInitrd() throws IOException {
    Path kernel = realKernelAs("vmlinuz-6.10.0-1-amd64");
    Files.writeString(boot.resolve("initrd.img-6.10.0-1-amd64"), "initrd");
    Files.writeString(boot.resolve("vmlinuz-6.9.0-1-amd64"), "older, never read");
    KernelStore store = Kernels.store(state, boot);

    StoredKernel stored = store.importKernel("host");

    assertThat(stored.version()).isEqualTo(KernelVersion.of(kernel));
    assertThat(stored.id()).hasSize(64);
    assertThat(stored.kernel()).startsWith(state.resolve("kernels").resolve(stored.id()));
    assertThat(stored.initrd()).isPresent();
    assertThat(Files.readString(stored.initrd().get())).isEqualTo("initrd");
    assertThat(store.list()).containsExactly(stored);
  }

  @Test
  void importingTheSameKernelTwiceKeepsOneCopy() throws IOException {
    Path kernel = realKernelAs("vmlinuz-test");
    KernelStore store = Kernels.store(state, boot);

    StoredKernel first = store.importKernel(kernel.toString());
    StoredKernel second = store.importKernel(kernel.toString());

    assertThat(second).isEqualTo(first);
    assertThat(store.list()).hasSize(1);
    assertThat(store.remove(first.id())).isTrue();
    assertThat(store.list()).isEmpty();
  }

  @Test
  void importsAnIgniteKernelImageTreeWithItsModules() throws IOException {
    Path tree = boot.resolve("tree");
    Files.createDirectories(tree.resolve("boot"));
    Path kernel = realKernelAs("vmlinuz-x");
    Files.move(kernel, tree.resolve("boot/vmlinux"));
    String version = KernelVersion.of(tree.resolve("boot/vmlinux"));
    Path module = tree.resolve("lib/modules/" + version + "/kernel/drivers/virtio.ko");
    Files.createDirectories(module.getParent());
    Files.writeString(module, "module");

    StoredKernel stored = Kernels.store(state, boot).importKernel(tree.toString());

    assertThat(stored.modules()).isPresent();
    assertThat(stored.modules().get().getFileName().toString()).isEqualTo(version);
    assertThat(stored.modules().get().resolve("kernel/drivers/virtio.ko")).hasContent("module");
  }

  /** A kernel image tree whose vmlinux carries {@code banner}. */
  private Path kernelImage(String banner) throws IOException {
    Path tree = Files.createDirectories(boot.resolve("tree/boot"));
    byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
    Files.write(tree.resolve("vmlinux"), elf);
    Files.writeString(
        tree.resolve("vmlinux"), "\0" + banner + "\n", java.nio.file.StandardOpenOption.APPEND);
    Files.createDirectories(tree.resolve("../lib/modules"));
    return tree.getParent();
  }

  @Test
  void aKernelWhoseVersionClimbsOutCopiesNoHostFolder() throws IOException {
    // lib/modules/../../../secret is boot/secret; the store's modules/../../../secret is
    // state/secret
    Path secret = Files.createDirectories(boot.resolve("secret"));
    Files.writeString(secret.resolve("id_ed25519"), "host key");
    Path tree = kernelImage("Linux version ../../../secret (gcc) #1");

    Throwable refused =
        catchThrowable(() -> Kernels.store(state, boot).importKernel(tree.toString()));

    assertThat(state.resolve("secret")).doesNotExist();
    assertThat(refused).hasMessageContaining("\"../../../secret\" is not a kernel version");
    assertThat(Kernels.store(state, boot).list()).isEmpty();
  }

  @Test
  void aKernelImageNeverReadsThroughALinkOutOfItsTree() throws IOException {
    Path secret = Files.createDirectories(boot.resolve("secret/1.0"));
    Files.writeString(secret.resolve("id_ed25519"), "host key");
    Path tree = kernelImage("Linux version 1.0 (gcc) #1");
    Files.delete(tree.resolve("lib/modules"));
    Files.createSymbolicLink(tree.resolve("lib/modules"), secret.getParent());
    Files.createSymbolicLink(tree.resolve("boot/initrd.img"), secret.resolve("id_ed25519"));

    Throwable refused =
        catchThrowable(() -> Kernels.store(state, boot).importKernel(tree.toString()));

    assertThat(Kernels.store(state, boot).list()).isEmpty();
    assertThat(refused).hasMessageContaining("is a symbolic link");
  }

  @Test
  void findNeverTreatsAnIdAsAPath() throws IOException {
    KernelStore store = Kernels.store(state, boot);

    assertThat(store.find("../../etc")).isEmpty();
    assertThat(store.remove("../../etc")).isFalse();
  }

  @Test
  void aMissingKernelIsAClearErrorThatLeavesNothingBehind() {
    KernelStore store = Kernels.store(state, boot);

    assertThatThrownBy(() -> store.importKernel("/nonexistent/vmlinuz"))
        .hasMessageContaining("/nonexistent/vmlinuz")
        .hasMessageContaining("not found");
    assertThatThrownBy(() -> store.importKernel("host")).hasMessageContaining("linux-image-amd64");
    assertThat(state.resolve("kernels")).doesNotExist();
  }

  @Test
  void refusesAHugeKernelFileBeforeReadingIt() throws IOException {
    // Stands in for /proc/kcore: a regular ELF file that claims 128 TiB.
    Path huge = boot.resolve("vmlinux");
    try (var f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
      f.write(new byte[] {0x7f, 'E', 'L', 'F'});
      f.setLength(FileKernelStore.MAX_FILE_BYTES + 1);
    }
    KernelStore store = Kernels.store(state, boot);

    assertThatThrownBy(() -> store.importKernel(huge.toString()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("larger than the 1024MB a kernel or initrd may be");
    assertThat(state).isEmptyDirectory();
  }
}
