package dev.ignite.adapters.oci;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A token server for a real {@code docker-registry} started with {@code auth: token}: it checks
 * Basic credentials and issues RS256 JWTs whose header carries the signing certificate ({@code
 * x5c}); the registry trusts that certificate through its {@code rootcertbundle}. The key pair is
 * made by the JDK's {@code keytool}.
 */
final class TokenServer implements AutoCloseable {
  static final String SERVICE = "ignite-test-registry";
  static final String ISSUER = "ignite-test-token-server";
  private static final char[] PASS = "changeit".toCharArray();

  /** One token request as received: who asked (null when anonymous) and which scopes. */
  record Request(String user, List<String> scopes) {}

  private final HttpServer server;
  private final PrivateKey key;
  private final byte[] certificate;
  private final Map<String, String> passwords;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private TokenServer(Path dir, Map<String, String> passwords) throws Exception {
    Path store = dir.resolve("token-key.p12");
    Commands.run(
        Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair",
        "-alias",
        "token",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=" + ISSUER,
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        store.toString(),
        "-storepass",
        "changeit",
        "-keypass",
        "changeit");
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      ks.load(in, PASS);
    }
    this.key = (PrivateKey) ks.getKey("token", PASS);
    Certificate cert = ks.getCertificate("token");
    this.certificate = cert.getEncoded();
    this.passwords = Map.copyOf(passwords);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/token", this::handle);
    server.start();
  }

  static TokenServer start(Path dir, Map<String, String> passwords) throws Exception {
    return new TokenServer(dir, passwords);
  }

  String realm() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
  }

  /** The registry's {@code rootcertbundle}: our certificate as PEM. */
  Path writeCertificateBundle(Path file) throws IOException {
    String pem =
        "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate)
            + "\n-----END CERTIFICATE-----\n";
    return Files.writeString(file, pem);
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String user = authenticatedUser(exchange.getRequestHeaders().getFirst("Authorization"));
      List<String> scopes = scopes(exchange.getRequestURI().getRawQuery());
      requests.add(new Request(user, scopes));
      if (user == null) {
        reply(exchange, 401, "{\"details\":\"wrong or missing credentials\"}");
        return;
      }
      reply(exchange, 200, "{\"token\":\"" + jwt(user, scopes) + "\",\"expires_in\":300}");
    } catch (Exception e) {
      reply(exchange, 500, "{\"details\":\"" + e.getClass().getSimpleName() + "\"}");
    } finally {
      exchange.close();
    }
  }

  private String authenticatedUser(String header) {
    if (header == null || !header.startsWith("Basic ")) {
      return null;
    }
    String pair =
        new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
    int colon = pair.indexOf(':');
    String user = pair.substring(0, Math.max(colon, 0));
    return colon > 0 && pair.substring(colon + 1).equals(passwords.get(user)) ? user : null;
  }

  private static List<String> scopes(String rawQuery) {
    List<String> out = new ArrayList<>();
    for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
      if (pair.startsWith("scope=")) {
        out.add(URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** Grants every scope asked for: {@code repository:NAME:ACTIONS}. */
  private String jwt(String user, List<String> scopes) throws Exception {
    List<String> access = new ArrayList<>();
    for (String scope : scopes) {
      String[] parts = scope.split(":");
      String actions = "\"" + String.join("\",\"", parts[2].split(",")) + "\"";
      access.add(
          "{\"type\":\""
              + parts[0]
              + "\",\"name\":\""
              + parts[1]
              + "\",\"actions\":["
              + actions
              + "]}");
    }
    long now = System.currentTimeMillis() / 1000;
    String header =
        "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"x5c\":[\""
            + Base64.getEncoder().encodeToString(certificate)
            + "\"]}";
    String claims =
        String.format(
            "{\"iss\":\"%s\",\"sub\":\"%s\",\"aud\":\"%s\",\"exp\":%d,\"nbf\":%d,\"iat\":%d,"
                + "\"jti\":\"%s\",\"access\":[%s]}",
            ISSUER,
            user,
            SERVICE,
            now + 300,
            now - 10,
            now,
            UUID.randomUUID(),
            String.join(",", access));
    String signingInput = base64Url(header) + "." + base64Url(claims);
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(key);
    rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput
        + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
  }

  private static String base64Url(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
