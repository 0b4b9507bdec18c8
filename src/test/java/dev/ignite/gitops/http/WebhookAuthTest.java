package dev.ignite.gitops.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import java.util.Optional;
import javax.crypto.Mac;
import org.junit.jupiter.api.Test;

class WebhookAuthTest {
  private final WebhookAuth auth = new WebhookAuth(Optional.of("s3cret"));

  @Test
  void aSignatureWithAnotherScriptsDigitIsRefusedNotAnError() {
    Mac mac = auth.bodyMac().orElseThrow();
    byte[] body = mac.doFinal(new byte[0]);
    String hex = java.util.HexFormat.of().formatHex(body);
    Headers headers = new Headers();
    headers.add(WebhookAuth.GITHUB_SIGNATURE, "sha256=" + hex.substring(0, 63) + "\uFF17");

    assertThat(auth.verify(headers, Optional.of(body)).accepted()).isFalse();
  }

  @Test
  void theFirstCredentialPresentDecides() {
    Headers headers = new Headers();
    headers.add(WebhookAuth.GITLAB_TOKEN, "wrong");
    headers.add(WebhookAuth.AUTHORIZATION, "Bearer s3cret");

    WebhookAuth.Verdict verdict = auth.verify(headers, auth.bodyMac().map(Mac::doFinal));

    assertThat(verdict.accepted()).isFalse();
    assertThat(verdict.how()).isEqualTo("X-Gitlab-Token does not match the secret");
  }

  @Test
  void theVerdictNeverQuotesTheSecret() {
    Headers headers = new Headers();
    headers.add(WebhookAuth.AUTHORIZATION, "Bearer s3cret");

    assertThat(auth.verify(headers, Optional.empty()).how()).doesNotContain("s3cret");
  }
}
