package dev.ignite.adapters.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What `ignite cp VM:/dir DST` does with the tar stream a guest sends, without a guest. */
class TarTransferTest {
  @TempDir Path dir;

  @Test
  void aGuestCannotChmodAHostFolderByReplacingAFolderWithALink() throws Exception {
    Path hostFolder = Files.createDirectory(dir.resolve("host-folder"));
    Files.setPosixFilePermissions(hostFolder, PosixFilePermissions.fromString("rwx------"));
    ByteArrayOutputStream stream = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(stream)) {
      folder(tar, "item/", 0755);
      folder(tar, "item/x/", 0777);
      TarArchiveEntry link = new TarArchiveEntry("item/x", TarConstants.LF_SYMLINK);
      link.setLinkName(hostFolder.toString());
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
    }
    Files.createDirectory(dir.resolve("dst"));

    try (LocalTree tree = new LocalTree(dir.resolve("dst/item"))) {
      TarTransfer.extract(new ByteArrayInputStream(stream.toByteArray()), tree);
      tree.finish();
    }

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hostFolder)))
        .isEqualTo("rwx------");
    assertThat(dir.resolve("dst/item/x")).isSymbolicLink();
  }

  private static void folder(TarArchiveOutputStream tar, String name, int mode) throws Exception {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setMode(040000 | mode);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
  }
}
