package dev.ignite.adapters.oci.unpack;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.adapters.oci.Tars;
import dev.ignite.ports.ImageException;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layers on which LayerUnpackFuzzTest once found a failure, as named regressions. */
class LayerUnpackFindingsTest {
  @TempDir Path root;

  private void apply(Tars layer) throws Exception {
    new LayerUnpacker(root.toRealPath(), false, new UnpackBudget(UnpackLimits.DEFAULT))
        .apply(new ByteArrayInputStream(layer.bytes()));
  }

  /** crash-…: a pax path with a NUL was an InvalidPathException, past the importer's errors. */
  @Test
  void aNameWithANulCharacterIsRefusedNamingTheEntry() {
    Tars layer = new Tars().dir("etc").pax((byte) 'x', "path=etc/a\0b").file("x", "content");

    assertThatThrownBy(() -> apply(layer))
        .isInstanceOf(ImageException.class)
        .hasMessage("layer entry 'etc/a\\0b' holds a NUL character; refusing to unpack");
  }

  @Test
  void aLinkTargetWithANulCharacterIsRefusedNamingTheEntry() {
    Tars layer = new Tars().pax((byte) 'x', "linkpath=../a\0b").symlink("l", "t");

    assertThatThrownBy(() -> apply(layer))
        .isInstanceOf(ImageException.class)
        .hasMessage(
            "layer entry 'l' links to '../a\\0b', which holds a NUL character; refusing"
                + " to unpack");
  }

  @Test
  void aHardLinkTargetWithANulCharacterIsRefusedNamingTheEntry() {
    Tars layer = new Tars().file("f", "x").pax((byte) 'x', "linkpath=f\0").hardlink("h", "f");

    assertThatThrownBy(() -> apply(layer))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("holds a NUL character; refusing to unpack");
  }
}
