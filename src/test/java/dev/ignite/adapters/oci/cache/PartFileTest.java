package dev.ignite.adapters.oci.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartFileTest {
  @TempDir Path dir;

  @Test
  void createsDistinctEmptyOwnerOnlyFiles() throws IOException {
    Path a = PartFile.create(dir, "blob");
    Path b = PartFile.create(dir, "blob");
    assertThat(a).isNotEqualTo(b);
    assertThat(a.getFileName().toString()).startsWith("blob.").endsWith(".part");
    assertThat(Files.size(a)).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(a)))
        .isEqualTo("rw-------");
  }
}
