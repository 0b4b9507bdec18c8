package dev.ignite.adapters.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistryAuthTest {
  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void tokenIsPreferredAndAccessTokenIsTheFallback() {
    assertThat(RegistryAuth.tokenOf(json("{\"token\":\"t1\",\"access_token\":\"t2\"}"), "w"))
        .isEqualTo("t1");
    assertThat(RegistryAuth.tokenOf(json("{\"expires_in\":60,\"access_token\":\"t2\"}"), "w"))
        .isEqualTo("t2");
  }

  @Test
  void anAnswerWithoutTokenIsARefusal() {
    assertThatThrownBy(() -> RegistryAuth.tokenOf(json("{\"details\":\"no\"}"), "token from r"))
        .isInstanceOf(RegistryError.class)
        .hasMessage("token from r: the answer holds no token")
        .satisfies(e -> assertThat(((RegistryError) e).status()).isEqualTo(401));
  }

  @Test
  void basicChallengeIsAnsweredWithCredentialsOnceAndNotWithout() throws Exception {
    var challenge = AuthChallenge.parse("Basic realm=\"r\"");
    RegistryAuth anonymous = new RegistryAuth("a", Optional.empty(), "r.example", false, null);
    assertThat(anonymous.answer(challenge, null)).isEmpty();

    RegistryAuth alice =
        new RegistryAuth(
            "a",
            Optional.of(new DockerCredentials.Credentials("alice", "pw")),
            "r.example",
            false,
            null);
    String header = alice.answer(challenge, null).orElseThrow();
    assertThat(header).isEqualTo("Basic YWxpY2U6cHc=");
    assertThat(alice.header()).isEqualTo(header);
    assertThat(alice.answer(challenge, header)).as("refused already").isEmpty();
  }

  @Test
  void anUnknownSchemeIsNotAnswered() throws Exception {
    RegistryAuth auth =
        new RegistryAuth(
            "a",
            Optional.of(new DockerCredentials.Credentials("u", "p")),
            "r.example",
            false,
            null);
    assertThat(auth.answer(List.of(new AuthChallenge("negotiate", java.util.Map.of())), null))
        .isEmpty();
  }

  @Test
  void credentialsGoToATokenRealmOverHttpsOrToTheInsecureRegistrysOwnHost() {
    URI https = URI.create("https://auth.example/token");
    URI plainElsewhere = URI.create("http://auth.example/token");
    URI plainSameHost = URI.create("http://10.0.0.5:8080/token");
    assertThat(RegistryAuth.mayCarryCredentials(https, "registry.example", false)).isTrue();
    assertThat(RegistryAuth.mayCarryCredentials(plainElsewhere, "registry.example", false))
        .isFalse();
    assertThat(RegistryAuth.mayCarryCredentials(plainElsewhere, "10.0.0.5:5000", true)).isFalse();
    assertThat(RegistryAuth.mayCarryCredentials(plainSameHost, "10.0.0.5:5000", true)).isTrue();
    assertThat(RegistryAuth.mayCarryCredentials(plainSameHost, "10.0.0.5:5000", false))
        .as("an HTTPS registry's credentials never go out in the clear")
        .isFalse();
  }
}
