package dev.ignite.adapters.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpTest {
  @Test
  void credentialsGoOnlyToTheRegistrysOwnSchemeHostAndPort() throws Exception {
    URL registry = new URL("https://registry.example:5000/v2/a/blobs/sha256:1");
    assertThat(Http.sameOrigin(registry, new URL("https://REGISTRY.example:5000/other"))).isTrue();
    assertThat(Http.sameOrigin(registry, new URL("https://storage.example/x?sig=1"))).isFalse();
    assertThat(Http.sameOrigin(registry, new URL("https://registry.example:5001/x"))).isFalse();
    assertThat(Http.sameOrigin(registry, new URL("http://registry.example:5000/x"))).isFalse();
  }

  @Test
  void aDefaultPortEqualsTheSamePortWrittenOut() throws Exception {
    assertThat(
            Http.sameOrigin(new URL("https://r.example/v2/"), new URL("https://r.example:443/b")))
        .isTrue();
    assertThat(Http.sameOrigin(new URL("http://r.example/v2/"), new URL("http://r.example:443/b")))
        .isFalse();
  }

  @Test
  void redirectsOnlyToHttpOrHttps() throws Exception {
    URL from = new URL("http://127.0.0.1:5000/v2/x/blobs/sha256:ab");
    assertThat(Http.redirectTarget(from, "https://storage.example/blob?sig=1", 307).getHost())
        .isEqualTo("storage.example");
    assertThat(Http.redirectTarget(from, "/v2/y", 302).getPath()).isEqualTo("/v2/y");
    for (String evil : List.of("file:///etc/shadow", "jar:file:/x.jar!/a", "ftp://h/x")) {
      assertThatThrownBy(() -> Http.redirectTarget(from, evil, 302))
          .isInstanceOf(RegistryError.class)
          .hasMessageContaining("refused");
    }
  }

  @Test
  void refusesToFetchAnythingButHttpOrHttps() {
    assertThatThrownBy(() -> Http.send("GET", new URL("file:///etc/shadow"), null, "Basic eDp5"))
        .isInstanceOf(RegistryError.class)
        .hasMessageContaining("only http and https");
  }
}
