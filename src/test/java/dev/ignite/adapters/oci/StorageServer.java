package dev.ignite.adapters.oci;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The "other host" a registry redirects blob GETs to (as S3 or a CDN would): serves the registry's
 * own storage directory read-only, and records whether a request carried an Authorization header.
 */
final class StorageServer implements AutoCloseable {
  /** One request as received. */
  record Hit(String method, String path, boolean hadAuthorization) {}

  private final HttpServer server;
  private final Path root;
  private final List<Hit> hits = new CopyOnWriteArrayList<>();

  StorageServer(Path root) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  List<Hit> hits() {
    return List.copyOf(hits);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      hits.add(new Hit(method, path, exchange.getRequestHeaders().containsKey("Authorization")));
      Path file = root.resolve(path.replaceFirst("^/+", "")).normalize();
      if (!file.startsWith(root) || !Files.isRegularFile(file)) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      long size = Files.size(file);
      if (method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Content-Length", Long.toString(size));
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, size);
      try (OutputStream out = exchange.getResponseBody()) {
        Files.copy(file, out);
      }
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
