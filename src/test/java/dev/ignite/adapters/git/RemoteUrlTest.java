package dev.ignite.adapters.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.adapters.git.RemoteUrl.Kind;
import dev.ignite.ports.GitException;
import dev.ignite.ports.GitException.Reason;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RemoteUrlTest {
  @Test
  void readsTheScpLikeFormAsSsh() {
    RemoteUrl url = RemoteUrl.parse("git@github.example:team/vms.git");

    assertThat(url.kind()).isEqualTo(Kind.SSH);
    assertThat(url.uri().getUser()).isEqualTo("git");
    assertThat(url.uri().getHost()).isEqualTo("github.example");
    assertThat(url.uri().getPort()).isEqualTo(-1);
    assertThat(url.uri().getPath()).isEqualTo("team/vms.git");
  }

  @Test
  void readsTheScpLikeFormWithoutUserAndWithAnIpv6Host() {
    assertThat(RemoteUrl.parse("127.0.0.1:/srv/vms.git").uri().getHost()).isEqualTo("127.0.0.1");
    assertThat(RemoteUrl.parse("127.0.0.1:/srv/vms.git").kind()).isEqualTo(Kind.SSH);
    assertThat(RemoteUrl.parse("git@[::1]:vms.git").kind()).isEqualTo(Kind.SSH);
  }

  @Test
  void readsSshUrlsWithUserAndPort() {
    RemoteUrl url = RemoteUrl.parse("ssh://git@127.0.0.1:2222/srv/vms.git");

    assertThat(url.kind()).isEqualTo(Kind.SSH);
    assertThat(url.uri().getUser()).isEqualTo("git");
    assertThat(url.uri().getPort()).isEqualTo(2222);
    assertThat(url.uri().getPath()).isEqualTo("/srv/vms.git");
  }

  @Test
  void readsHttpsFileUrlsAndPaths() {
    assertThat(RemoteUrl.parse("https://git.example/team/vms.git").kind()).isEqualTo(Kind.HTTPS);
    assertThat(RemoteUrl.parse("file:///srv/vms.git").kind()).isEqualTo(Kind.LOCAL);
    assertThat(RemoteUrl.parse("/srv/vms.git").kind()).isEqualTo(Kind.LOCAL);
    assertThat(RemoteUrl.parse("./vms:x/y").kind()).isEqualTo(Kind.LOCAL);
  }

  @Test
  void makesARelativePathAbsolute() {
    RemoteUrl url = RemoteUrl.parse("repos/vms.git");

    assertThat(url.kind()).isEqualTo(Kind.LOCAL);
    assertThat(url.uri().getPath()).isEqualTo(Path.of("repos/vms.git").toAbsolutePath().toString());
  }

  @Test
  void refusesPlainHttpOtherSchemesAndOptionLikeUrls() {
    assertInvalid("http://git.example/vms.git", "use https://");
    assertInvalid("ext::sh -c touch% /tmp/pwned", "transport helpers");
    assertInvalid("git://git.example/vms.git", "not supported");
    assertInvalid("-uhack", "starts with '-'");
    assertInvalid("  ", "empty");
  }

  @Test
  void neverShowsAPasswordWrittenIntoTheUrl() {
    RemoteUrl url = RemoteUrl.parse("https://bot:s3cret@git.example/vms.git");

    assertThat(url.toString()).doesNotContain("s3cret").contains("bot@git.example");
  }

  private static void assertInvalid(String url, String why) {
    assertThatThrownBy(() -> RemoteUrl.parse(url))
        .isInstanceOf(GitException.class)
        .hasMessageContaining(why)
        .satisfies(e -> assertThat(((GitException) e).reason()).isEqualTo(Reason.INVALID));
  }
}
