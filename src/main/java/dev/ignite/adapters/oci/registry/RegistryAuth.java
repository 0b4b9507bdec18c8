package dev.ignite.adapters.oci.registry;

import com.fasterxml.jackson.core.JsonToken;
import dev.ignite.adapters.oci.manifest.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Answers a registry's 401 challenges for one import, and remembers the answer: a {@code Bearer}
 * challenge is met with a pull token from its realm (asked with our Basic credentials when we have
 * some, anonymously otherwise), a {@code Basic} one with the credentials themselves.
 */
public final class RegistryAuth {
  private static final int MAX_TOKEN_RESPONSE = 1 << 20;
  private final String repository;
  private final Optional<DockerCredentials.Credentials> credentials;
  private final String registry;
  private final boolean insecure;
  private final RegistryHttp http;
  private String authorization;

  /**
   * For {@code repository} on {@code registry} (HOST:PORT), spoken to over plain HTTP if {@code
   * insecure}.
   */
  RegistryAuth(
      String repository,
      Optional<DockerCredentials.Credentials> credentials,
      String registry,
      boolean insecure,
      RegistryHttp http) {
    this.repository = repository;
    this.credentials = credentials;
    this.registry = registry;
    this.insecure = insecure;
    this.http = http;
  }

  /**
   * Credentials go to a token realm over HTTPS, or over plain HTTP only to the host of an insecure
   * registry, which receives them in the clear anyway: a registry must not be able to have them
   * sent in the clear to any listener it names.
   */
  static boolean mayCarryCredentials(URI realm, String registry, boolean insecure) {
    if ("https".equalsIgnoreCase(realm.getScheme())) {
      return true;
    }
    String registryHost = URI.create("http://" + registry).getHost();
    return insecure && realm.getHost() != null && realm.getHost().equalsIgnoreCase(registryHost);
  }

  /** The {@code Authorization} header to send, or null before any challenge. */
  synchronized String header() {
    return authorization;
  }

  /**
   * A new header answering {@code challenges}, or empty when we cannot answer them (then the 401
   * stands). {@code refused} is the header that was refused; if another thread has already replaced
   * it, that newer header is returned without asking again.
   */
  synchronized Optional<String> answer(List<AuthChallenge> challenges, String refused)
      throws IOException {
    if (authorization != null && !authorization.equals(refused)) {
      return Optional.of(authorization);
    }
    Optional<AuthChallenge> bearer = find(challenges, "bearer");
    if (bearer.isPresent() && bearer.get().param("realm").isPresent()) {
      authorization = "Bearer " + token(bearer.get());
    } else if (find(challenges, "basic").isPresent() && credentials.isPresent()) {
      String basic = basic(credentials.get());
      if (basic.equals(refused)) {
        return Optional.empty();
      }
      authorization = basic;
    } else {
      return Optional.empty();
    }
    return Optional.of(authorization);
  }

  private String token(AuthChallenge challenge) throws IOException {
    String realm = challenge.param("realm").orElseThrow();
    StringBuilder query = new StringBuilder(realm).append(realm.contains("?") ? '&' : '?');
    challenge
        .param("service")
        .ifPresent(s -> query.append("service=").append(encode(s)).append('&'));
    query.append("scope=").append(encode("repository:" + repository + ":pull"));
    URI uri = RegistryHttp.parse(query.toString());
    boolean withheld = credentials.isPresent() && !mayCarryCredentials(uri, registry, insecure);
    String basic = withheld ? null : credentials.map(RegistryAuth::basic).orElse(null);
    byte[] body;
    try (RegistryHttp.Answer r = http.get(uri, "application/json", basic, MAX_TOKEN_RESPONSE)) {
      int status = r.status();
      if (status != 200) {
        throw new RegistryError(
            status,
            "token server "
                + realm
                + " answered HTTP "
                + status
                + (withheld
                    ? " (asked without the credentials for "
                        + registry
                        + ": they go to a token server only over HTTPS)"
                    : "")
                + ": "
                + r.errorText());
      }
      body = r.body().readNBytes(MAX_TOKEN_RESPONSE);
    }
    return tokenOf(body, "token from " + realm);
  }

  /** {@code token}, or {@code access_token} (the OAuth2 name some servers use instead). */
  public static String tokenOf(byte[] json, String where) {
    String[] found = new String[2];
    Json.parse(
        json,
        where,
        p -> {
          Json.object(
              p,
              where,
              (name, v) -> {
                int slot = name.equals("token") ? 0 : name.equals("access_token") ? 1 : -1;
                if (slot < 0 || v.currentToken() != JsonToken.VALUE_STRING) {
                  return false;
                }
                found[slot] = v.getText();
                return true;
              });
          return null;
        });
    String token = found[0] != null && !found[0].isEmpty() ? found[0] : found[1];
    if (token == null || token.isEmpty()) {
      throw new RegistryError(401, where + ": the answer holds no token");
    }
    return token;
  }

  private static Optional<AuthChallenge> find(List<AuthChallenge> challenges, String scheme) {
    return challenges.stream().filter(c -> c.scheme().equals(scheme)).findFirst();
  }

  private static String basic(DockerCredentials.Credentials c) {
    String pair = c.username() + ":" + c.password();
    return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
