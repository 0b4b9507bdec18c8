package dev.ignite.adapters.oci.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthChallengeTest {
  @Test
  void readsABearerChallengeWithSeveralParams() {
    assertThat(
            AuthChallenge.parse(
                "Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                    + "scope=\"repository:library/busybox:pull\""))
        .containsExactly(
            new AuthChallenge(
                "bearer",
                Map.of(
                    "realm", "https://auth.docker.io/token",
                    "service", "registry.docker.io",
                    "scope", "repository:library/busybox:pull")));
  }

  @Test
  void quotedValuesKeepTheirCommasAndEscapes() {
    AuthChallenge c =
        AuthChallenge.parse(
                "Bearer realm=\"http://127.0.0.1:1/t\", scope=\"repository:a:pull,push\","
                    + " error=\"say \\\"no\\\"\"")
            .get(0);
    assertThat(c.param("scope")).contains("repository:a:pull,push");
    assertThat(c.param("error")).contains("say \"no\"");
    assertThat(c.param("realm")).contains("http://127.0.0.1:1/t");
  }

  @Test
  void schemeAndParamNamesIgnoreCaseAndBareValuesAreRead() {
    AuthChallenge c = AuthChallenge.parse("BASIC Realm=registry , Charset=\"UTF-8\"").get(0);
    assertThat(c.scheme()).isEqualTo("basic");
    assertThat(c.params()).isEqualTo(Map.of("realm", "registry", "charset", "UTF-8"));
  }

  @Test
  void oneHeaderMayHoldTwoChallenges() {
    assertThat(AuthChallenge.parse("Basic realm=\"a, b\", Bearer realm=\"http://t/\",service=s"))
        .extracting(AuthChallenge::scheme)
        .containsExactly("basic", "bearer");
    assertThat(AuthChallenge.parseAll(List.of("Basic realm=x", "Bearer realm=y")))
        .extracting(c -> c.param("realm").orElseThrow())
        .containsExactly("x", "y");
  }

  @Test
  void emptyOrMissingHeaderHasNoChallenge() {
    assertThat(AuthChallenge.parse("")).isEmpty();
    assertThat(AuthChallenge.parse(null)).isEmpty();
  }
}
