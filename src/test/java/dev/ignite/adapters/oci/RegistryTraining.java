package dev.ignite.adapters.oci;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ignite.adapters.oci.manifest.Digests;
import dev.ignite.adapters.oci.manifest.MediaTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A class-data sharing training aid for {@code scripts/build-cds}: serves one small image as a
 * registry would ({@code GET /v2/train/manifests/1} and its blobs) on loopback, so that a real
 * {@code ignite image import} in another JVM records the classes of the HTTP client, the manifest
 * parser, the digest, the tar reader and the unpacker. Usage: {@code RegistryTraining PORT_FILE};
 * it writes its port there and serves until killed. Not a test.
 */
public final class RegistryTraining {
  private RegistryTraining() {}

  public static void main(String[] args) throws Exception {
    Map<String, byte[]> blobs = new HashMap<>();
    byte[] layer = gzip(layerTar());
    byte[] config =
        ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
                + Digests.of(layerTar())
                + "\"]}}")
            .getBytes(StandardCharsets.UTF_8);
    blobs.put(Digests.of(layer), layer);
    blobs.put(Digests.of(config), config);
    byte[] manifest =
        ("{\"schemaVersion\":2,\"mediaType\":\""
                + MediaTypes.OCI_MANIFEST
                + "\",\"config\":"
                + descriptor("application/vnd.oci.image.config.v1+json", config)
                + ",\"layers\":["
                + descriptor("application/vnd.oci.image.layer.v1.tar+gzip", layer)
                + "]}")
            .getBytes(StandardCharsets.UTF_8);

    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/v2/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          if (path.equals("/v2/train/manifests/1")) {
            exchange.getResponseHeaders().add("Content-Type", MediaTypes.OCI_MANIFEST);
            exchange.getResponseHeaders().add("Docker-Content-Digest", Digests.of(manifest));
            send(exchange, 200, manifest);
          } else if (path.startsWith("/v2/train/blobs/")
              && blobs.containsKey(path.substring("/v2/train/blobs/".length()))) {
            send(exchange, 200, blobs.get(path.substring("/v2/train/blobs/".length())));
          } else {
            send(
                exchange,
                404,
                "{\"errors\":[{\"code\":\"NOT_FOUND\"}]}".getBytes(StandardCharsets.UTF_8));
          }
        });
    server.start();
    Path portFile = Path.of(args[0]);
    Files.writeString(
        portFile.resolveSibling(portFile.getFileName() + ".part"),
        Integer.toString(server.getAddress().getPort()));
    Files.move(portFile.resolveSibling(portFile.getFileName() + ".part"), portFile);
  }

  private static String descriptor(String mediaType, byte[] blob) {
    return "{\"mediaType\":\""
        + mediaType
        + "\",\"digest\":\""
        + Digests.of(blob)
        + "\",\"size\":"
        + blob.length
        + "}";
  }

  /** Every kind of entry an image has: folders, files, a symlink, a hard link, a whiteout. */
  private static byte[] layerTar() {
    Tars tar = new Tars().dir("etc").dir("usr").dir("usr/bin").dir("var");
    for (int i = 0; i < 40; i++) {
      tar.file("usr/bin/tool" + i, "#!/bin/sh\necho " + i + "\n", 0755);
      tar.symlink("usr/bin/alias" + i, "tool" + i);
    }
    return tar.file("etc/hostname", "train\n")
        .hardlink("etc/hostname.hard", "etc/hostname")
        .file("var/.wh.gone", "")
        .bytes();
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    }
    return out.toByteArray();
  }

  private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
