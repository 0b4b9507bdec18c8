package dev.ignite.adapters.oci;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ignite.adapters.oci.manifest.Digests;
import dev.ignite.adapters.oci.manifest.MediaTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A server played by a test on a loopback port: a registry serving one small image ({@code x:1}, a
 * config and one gzip layer), a storage host or a token realm. Any route can be replaced to
 * misbehave; every request is recorded with its {@code Authorization} header.
 */
final class HostileRegistry implements AutoCloseable {
  /** One request as received; {@code authorization} is null when none was sent. */
  record Request(String method, String path, String authorization) {}

  interface Route {
    void handle(HttpExchange exchange) throws IOException;
  }

  final byte[] layer;
  final byte[] config;
  final byte[] manifest;
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, Route> routes = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  HostileRegistry() throws IOException {
    byte[] tar = new Tars().dir("etc").file("etc/hostname", "hostile\n").bytes();
    layer = gzip(tar);
    config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[\""
                + Digests.of(tar)
                + "\"]}}")
            .getBytes(StandardCharsets.UTF_8);
    manifest =
        ("{\"schemaVersion\":2,\"mediaType\":\""
                + MediaTypes.OCI_MANIFEST
                + "\",\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
                + "\"digest\":\""
                + Digests.of(config)
                + "\",\"size\":"
                + config.length
                + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\","
                + "\"digest\":\""
                + Digests.of(layer)
                + "\",\"size\":"
                + layer.length
                + "}]}")
            .getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::dispatch);
    route("/v2/x/manifests/1", e -> send(e, 200, MediaTypes.OCI_MANIFEST, manifest));
    route(configPath(), e -> send(e, 200, "application/octet-stream", config));
    route(layerPath(), e -> send(e, 200, "application/octet-stream", layer));
    server.start();
  }

  /** {@code 127.0.0.1:PORT}. */
  String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  String ref() {
    return host() + "/x:1";
  }

  String layerPath() {
    return "/v2/x/blobs/" + Digests.of(layer);
  }

  String configPath() {
    return "/v2/x/blobs/" + Digests.of(config);
  }

  /** Answers requests for exactly {@code path} with {@code route} from now on. */
  void route(String path, Route route) {
    routes.put(path, route);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      requests.add(
          new Request(
              exchange.getRequestMethod(),
              path,
              exchange.getRequestHeaders().getFirst("Authorization")));
      Route route = routes.get(path);
      if (route == null) {
        send(exchange, 404, "application/json", "{\"errors\":[]}".getBytes());
      } else {
        route.handle(exchange);
      }
    } finally {
      exchange.close();
    }
  }

  static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
