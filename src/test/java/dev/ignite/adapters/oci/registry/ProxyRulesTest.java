package dev.ignite.adapters.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignite.ports.ImageException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** HTTPS_PROXY, HTTP_PROXY and NO_PROXY as Go's net/http (Docker, skopeo) reads them. */
class ProxyRulesTest {
  private static final URI PROXY = URI.create("http://proxy.corp:3128");

  private static Optional<URI> proxyFor(Map<String, String> env, String url) {
    return ProxyRules.fromEnvironment(env).proxyFor(URI.create(url));
  }

  private static boolean bypasses(String noProxy, String url) {
    return proxyFor(Map.of("HTTPS_PROXY", PROXY.toString(), "NO_PROXY", noProxy), url).isEmpty();
  }

  @Test
  void httpsUrlsUseHttpsProxyAndHttpUrlsHttpProxy() {
    Map<String, String> env =
        Map.of("HTTPS_PROXY", "http://tls-proxy:1", "HTTP_PROXY", "plain-proxy:2");
    assertThat(proxyFor(env, "https://r.example/v2/")).contains(URI.create("http://tls-proxy:1"));
    assertThat(proxyFor(env, "http://r.example:5000/v2/"))
        .as("a proxy without a scheme is http://")
        .contains(URI.create("http://plain-proxy:2"));
    assertThat(proxyFor(Map.of("HTTP_PROXY", "http://p:2"), "https://r.example/"))
        .as("https does not fall back to HTTP_PROXY")
        .isEmpty();
  }

  @Test
  void upperCaseWinsAndLowerCaseIsReadToo() {
    assertThat(proxyFor(Map.of("https_proxy", "http://lower:1"), "https://r/"))
        .contains(URI.create("http://lower:1"));
    assertThat(
            proxyFor(
                Map.of("HTTPS_PROXY", "http://upper:1", "https_proxy", "http://lower:1"),
                "https://r/"))
        .contains(URI.create("http://upper:1"));
    assertThat(
            proxyFor(
                Map.of("HTTPS_PROXY", "http://p:1", "no_proxy", "r.example"), "https://r.example/"))
        .isEmpty();
  }

  @Test
  void aCgiProgramIgnoresHttpProxy() {
    assertThat(proxyFor(Map.of("HTTP_PROXY", "http://p:1", "REQUEST_METHOD", "GET"), "http://r/"))
        .isEmpty();
  }

  @Test
  void localhostAndLoopbackAddressesNeverGoThroughTheProxy() {
    assertThat(bypasses("", "https://localhost:5000/v2/")).isTrue();
    assertThat(bypasses("", "https://127.0.0.1:5000/v2/")).isTrue();
    assertThat(bypasses("", "https://127.1.2.3/v2/")).isTrue();
    assertThat(bypasses("", "https://[::1]:5000/v2/")).isTrue();
    assertThat(bypasses("", "https://registry.example/v2/")).isFalse();
  }

  @Test
  void domainsMatchThemselvesAndSubdomainsAndALeadingDotOnlySubdomains() {
    assertThat(bypasses("example.com", "https://example.com/")).isTrue();
    assertThat(bypasses("example.com", "https://r.example.com/")).isTrue();
    assertThat(bypasses("example.com", "https://notexample.com/")).isFalse();
    assertThat(bypasses(".example.com", "https://example.com/")).isFalse();
    assertThat(bypasses(".example.com", "https://r.example.com/")).isTrue();
    assertThat(bypasses("*.example.com", "https://r.example.com/")).isTrue();
    assertThat(bypasses("*.example.com", "https://example.com/")).isFalse();
    assertThat(bypasses(" Other.org , EXAMPLE.com ", "https://r.example.com/")).isTrue();
  }

  @Test
  void aPortRestrictsTheRuleToThatPortWithDefaultPortsFilledIn() {
    assertThat(bypasses("r.example:5000", "https://r.example:5000/")).isTrue();
    assertThat(bypasses("r.example:5000", "https://r.example:5001/")).isFalse();
    assertThat(bypasses("r.example:443", "https://r.example/")).isTrue();
    assertThat(bypasses("10.1.2.3:443", "https://10.1.2.3/")).isTrue();
    assertThat(bypasses("[2001:db8::1]:443", "https://[2001:db8::1]/")).isTrue();
  }

  @Test
  void ipAddressesAndCidrRangesMatchAddressesNotNames() {
    assertThat(bypasses("10.0.0.0/8", "https://10.20.30.40/")).isTrue();
    assertThat(bypasses("10.0.0.0/8", "https://11.0.0.1/")).isFalse();
    assertThat(bypasses("192.168.1.0/24", "https://192.168.1.77:5000/")).isTrue();
    assertThat(bypasses("2001:db8::/32", "https://[2001:db8:1::5]/")).isTrue();
    assertThat(bypasses("10.0.0.0/8", "https://ten.example/"))
        .as("a name is never looked up to match a range")
        .isFalse();
    assertThat(bypasses("10.1.2.3", "https://10.1.2.3/")).isTrue();
  }

  @Test
  void anAsteriskBypassesEverythingAndMalformedEntriesAreIgnored() {
    assertThat(bypasses("*", "https://anything.example/")).isTrue();
    assertThat(bypasses(":5000,,10.0.0.0/99,a:b:c", "https://r.example/")).isFalse();
  }

  @Test
  void theSelectorHandsTheJdkAnUnresolvedHttpProxy() {
    var rules = ProxyRules.fromEnvironment(Map.of("HTTPS_PROXY", "proxy.corp:3128"));
    Proxy proxy = rules.select(URI.create("https://r.example/v2/")).get(0);
    assertThat(proxy.type()).isEqualTo(Proxy.Type.HTTP);
    InetSocketAddress at = (InetSocketAddress) proxy.address();
    assertThat(at.isUnresolved()).isTrue();
    assertThat(at.getHostString()).isEqualTo("proxy.corp");
    assertThat(at.getPort()).isEqualTo(3128);
    assertThat(rules.select(URI.create("https://localhost/v2/"))).containsExactly(Proxy.NO_PROXY);
  }

  @Test
  void proxiesTheJdkCannotUseAreRefusedBeforeTheFirstRequest() {
    URI registry = URI.create("https://r.example/v2/");
    assertThatThrownBy(
            () ->
                ProxyRules.fromEnvironment(Map.of("HTTPS_PROXY", "socks5://p:1080"))
                    .requireUsable(registry))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("only http:// proxies");
    assertThatThrownBy(
            () ->
                ProxyRules.fromEnvironment(Map.of("HTTPS_PROXY", "http://u:pw@p:3128"))
                    .requireUsable(registry))
        .isInstanceOf(ImageException.class)
        .hasMessageContaining("proxy authentication is not supported");
    ProxyRules.fromEnvironment(Map.of("HTTPS_PROXY", "socks5://p:1080", "NO_PROXY", "r.example"))
        .requireUsable(registry); // not used for this registry: no error
  }
}
