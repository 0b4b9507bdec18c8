package dev.ignite.adapters.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ignite.ports.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state dir holds unpacked images (setuid files, device nodes), disks and keys: only its owner
 * may enter it, whatever the umask or whoever made it first.
 */
class PrivateStateDirTest {
  @TempDir Path tmp;

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  @Test
  void aNewStateDirIsMadeForItsOwnerOnly() throws Exception {
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path state = tmp.resolve("a/b/state");

    FileStateStore.open(state);

    assertThat(mode(state)).isEqualTo("rwx------");
  }

  @Test
  void aLooserStateDirIsTightened() throws Exception {
    Path state = Files.createDirectory(tmp.resolve("state"));
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rwxr-xr-x"));

    FileStateStore.open(state);

    assertThat(mode(state)).isEqualTo("rwx------");
  }

  @Test
  void aFolderSharedWithEveryoneIsRefusedAndLeftAsItIs() throws Exception {
    Path shared = Files.createDirectory(tmp.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    Files.setAttribute(shared, "unix:mode", 01777);

    assertThatThrownBy(() -> FileStateStore.open(shared))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(shared.toString())
        .hasMessageContaining("shared with other users");
    assertThat((int) Files.getAttribute(shared, "unix:mode") & 07777).isEqualTo(01777);
  }

  @Test
  void aStateDirOwnedBySomeoneElseIsRefused() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root to give a folder away");
    Path state = Files.createDirectory(tmp.resolve("state"));
    Files.setAttribute(state, "unix:uid", 65534);

    assertThatThrownBy(() -> FileStateStore.open(state))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(state.toString())
        .hasMessageContaining("owned by nobody, not by root");
  }
}
