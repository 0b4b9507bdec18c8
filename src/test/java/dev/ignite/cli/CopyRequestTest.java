package dev.ignite.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CopyRequestTest {

  @Test
  void copiesIntoTheGuestWhenTheDestinationNamesAVm() {
    CopyRequest r = CopyRequest.of("site", "web:/srv/");
    assertThat(r).isEqualTo(new CopyRequest("web", true, Path.of("site"), "/srv/"));
  }

  @Test
  void copiesOutOfTheGuestWhenTheSourceNamesAVm() {
    CopyRequest r = CopyRequest.of("web.example-1:/var/log/messages", "out.log");
    assertThat(r)
        .isEqualTo(
            new CopyRequest("web.example-1", false, Path.of("out.log"), "/var/log/messages"));
  }

  @Test
  void keepsColonsAfterTheFirstInTheGuestPath() {
    assertThat(CopyEndpoint.parse("web:/tmp/a:b"))
        .isEqualTo(new CopyEndpoint(Optional.of("web"), "/tmp/a:b"));
  }

  @Test
  void acceptsAnUppercaseUidPrefixAsTheVm() {
    assertThat(CopyEndpoint.parse("5F3A:/root/x").vm()).contains("5F3A");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "C:\\Users\\me\\file.txt",
        "c:\\file",
        "D:/data/file",
        "/tmp/a:b",
        "./web:file",
        "../web:file",
        "~/web:file",
        "dir/web:file",
        "my_file:1",
        "plain-file",
        ":leading-colon"
      })
  void treatsPathsThatOnlyHoldAColonAsLocal(String arg) {
    assertThat(CopyEndpoint.parse(arg)).isEqualTo(new CopyEndpoint(Optional.empty(), arg));
  }

  @Test
  void refusesAVmWithoutAGuestPath() {
    assertThatThrownBy(() -> CopyEndpoint.parse("web:"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("web: names no guest path");
  }

  @Test
  void refusesTwoVmSides() {
    assertThatThrownBy(() -> CopyRequest.of("a:/x", "b:/y"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("both a:/x and b:/y name a VM");
  }

  @Test
  void refusesTwoLocalSidesWithAnExample() {
    assertThatThrownBy(() -> CopyRequest.of("x", "/tmp/y"))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("neither x nor /tmp/y names a VM")
        .hasMessageContaining("VM:path");
  }
}
