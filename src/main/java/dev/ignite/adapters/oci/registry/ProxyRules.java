package dev.ignite.adapters.oci.registry;

import dev.ignite.ports.ImageException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The proxy for each request, from {@code HTTPS_PROXY}, {@code HTTP_PROXY} and {@code NO_PROXY}
 * (each upper case first, then lower case), read as Go's net/http reads them, and so as Docker,
 * skopeo and containerd do: https URLs go through HTTPS_PROXY, http URLs through HTTP_PROXY; a
 * proxy without a scheme is {@code http://}; {@code localhost} and loopback addresses never go
 * through a proxy; NO_PROXY entries are {@link NoProxy} rules. Only plain-HTTP proxies are
 * supported (HTTPS is tunnelled through them with CONNECT).
 */
final class ProxyRules extends ProxySelector {
  private final Optional<URI> https;
  private final Optional<URI> http;
  private final NoProxy noProxy;

  private ProxyRules(Optional<URI> https, Optional<URI> http, NoProxy noProxy) {
    this.https = https;
    this.http = http;
    this.noProxy = noProxy;
  }

  static ProxyRules fromEnvironment(Map<String, String> env) {
    Optional<URI> http =
        env.containsKey("REQUEST_METHOD") // a CGI program: HTTP_PROXY may be a request header
            ? Optional.empty()
            : proxy(env, "HTTP_PROXY");
    return new ProxyRules(
        proxy(env, "HTTPS_PROXY"), http, NoProxy.parse(variable(env, "NO_PROXY").orElse("")));
  }

  private static Optional<String> variable(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isEmpty()) {
      value = env.get(name.toLowerCase(Locale.ROOT));
    }
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
  }

  private static Optional<URI> proxy(Map<String, String> env, String name) {
    return variable(env, name).map(v -> parse(name, v));
  }

  private static URI parse(String variable, String value) {
    try {
      URI uri = new URI(value.contains("://") ? value : "http://" + value);
      if (uri.getHost() == null) {
        throw new ImageException(variable + "=" + value + " names no proxy host");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new ImageException(variable + "=" + value + " is not a proxy URL: " + e.getMessage());
    }
  }

  /** The proxy {@code uri} goes through, if any. */
  Optional<URI> proxyFor(URI uri) {
    boolean tls = "https".equalsIgnoreCase(uri.getScheme());
    Optional<URI> proxy = tls ? https : http;
    if (proxy.isEmpty() || uri.getHost() == null) {
      return Optional.empty();
    }
    String host = bare(uri.getHost()).toLowerCase(Locale.ROOT);
    int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
    return noProxy.bypasses(host, port) ? Optional.empty() : proxy;
  }

  /**
   * Refuses, before the first request, a proxy {@code uri} would need that the JDK's client cannot
   * use: one spoken to over TLS or SOCKS, or one that wants a password.
   */
  void requireUsable(URI uri) {
    Optional<URI> proxy = proxyFor(uri);
    if (proxy.isEmpty()) {
      return;
    }
    URI p = proxy.get();
    String variable = "https".equalsIgnoreCase(uri.getScheme()) ? "HTTPS_PROXY" : "HTTP_PROXY";
    if (!"http".equalsIgnoreCase(p.getScheme())) {
      throw new ImageException(
          variable + " names a " + p.getScheme() + ":// proxy; only http:// proxies are supported");
    }
    if (p.getRawUserInfo() != null) {
      throw new ImageException(
          variable + " names a proxy with a user name; proxy authentication is not supported");
    }
  }

  @Override
  public List<Proxy> select(URI uri) {
    List<Proxy> out = new ArrayList<>();
    Optional<URI> proxy = proxyFor(uri).filter(p -> "http".equalsIgnoreCase(p.getScheme()));
    if (proxy.isEmpty()) {
      out.add(Proxy.NO_PROXY);
    } else {
      int port = proxy.get().getPort() != -1 ? proxy.get().getPort() : 80;
      SocketAddress at = InetSocketAddress.createUnresolved(bare(proxy.get().getHost()), port);
      out.add(new Proxy(Proxy.Type.HTTP, at));
    }
    return out;
  }

  @Override
  public void connectFailed(URI uri, SocketAddress proxy, IOException e) {
    // the request fails with e; nothing to remember for the next one
  }

  static String bare(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
