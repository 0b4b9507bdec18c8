package dev.ignite.adapters.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryHttpTest {
  @Test
  void credentialsGoOnlyToTheRegistrysOwnSchemeHostAndPort() throws Exception {
    URI registry = URI.create("https://registry.example:5000/v2/a/blobs/sha256:1");
    assertThat(RegistryHttp.sameOrigin(registry, URI.create("https://REGISTRY.example:5000/other")))
        .isTrue();
    assertThat(RegistryHttp.sameOrigin(registry, URI.create("https://storage.example/x?sig=1")))
        .isFalse();
    assertThat(RegistryHttp.sameOrigin(registry, URI.create("https://registry.example:5001/x")))
        .isFalse();
    assertThat(RegistryHttp.sameOrigin(registry, URI.create("http://registry.example:5000/x")))
        .isFalse();
  }

  @Test
  void aDefaultPortEqualsTheSamePortWrittenOut() throws Exception {
    assertThat(
            RegistryHttp.sameOrigin(
                URI.create("https://r.example/v2/"), URI.create("https://r.example:443/b")))
        .isTrue();
    assertThat(
            RegistryHttp.sameOrigin(
                URI.create("http://r.example/v2/"), URI.create("http://r.example:443/b")))
        .isFalse();
  }

  @Test
  void redirectsOnlyToHttpOrHttps() throws Exception {
    URI from = URI.create("http://127.0.0.1:5000/v2/x/blobs/sha256:ab");
    assertThat(
            RegistryHttp.redirectTarget(from, "https://storage.example/blob?sig=1", 307).getHost())
        .isEqualTo("storage.example");
    assertThat(RegistryHttp.redirectTarget(from, "/v2/y", 302).getPath()).isEqualTo("/v2/y");
    for (String evil : List.of("file:///etc/shadow", "jar:file:/x.jar!/a", "ftp://h/x")) {
      assertThatThrownBy(() -> RegistryHttp.redirectTarget(from, evil, 302))
          .isInstanceOf(RegistryError.class)
          .hasMessageContaining("refused");
    }
  }

  @Test
  void aRedirectFromHttpsToPlainHttpIsRefused() {
    URI from = URI.create("https://registry.example/v2/x/blobs/sha256:ab");
    assertThatThrownBy(() -> RegistryHttp.redirectTarget(from, "http://storage.example/blob", 307))
        .isInstanceOf(RegistryError.class)
        .hasMessageContaining("plain http://storage.example/blob")
        .hasMessageContaining("refused");
  }

  @Test
  void refusesToFetchAnythingButHttpOrHttps() {
    RegistryHttp http =
        RegistryHttp.open(
            "r.example",
            URI.create("http://r.example/v2/"),
            new HostNetwork(java.util.Map.of(), List.of()),
            BlobDeadline.DEFAULT);
    assertThatThrownBy(() -> http.get(URI.create("file:///etc/shadow"), null, "Basic eDp5", 0))
        .isInstanceOf(RegistryError.class)
        .hasMessageContaining("only http and https");
  }

  @Test
  void aMalformedLocationOrRealmIsRefusedNotFollowed() {
    URI from = URI.create("http://127.0.0.1:5000/v2/x/blobs/sha256:ab");
    assertThatThrownBy(() -> RegistryHttp.redirectTarget(from, "http://bad host/x", 302))
        .isInstanceOf(RegistryError.class)
        .hasMessageContaining("malformed");
    assertThatThrownBy(() -> RegistryHttp.parse("https://auth example/token"))
        .isInstanceOf(RegistryError.class)
        .hasMessageContaining("not an http or https URL");
  }
}
