package dev.ignite.gitops.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SyncTriggerTest {
  @Test
  void aBurstOfRequestsBecomesOneSync() throws InterruptedException {
    SyncTrigger trigger = new SyncTrigger();
    for (int i = 0; i < 5; i++) {
      trigger.run();
    }

    assertThat(trigger.await(Duration.ofSeconds(5))).isTrue();
    assertThat(trigger.await(Duration.ZERO)).isFalse();
  }

  @Test
  void aRequestFromAnotherThreadWakesTheWaiter() throws InterruptedException {
    SyncTrigger trigger = new SyncTrigger();
    Thread webhook = new Thread(trigger);
    webhook.start();

    assertThat(trigger.await(Duration.ofMinutes(1))).isTrue();
    webhook.join();
  }

  @Test
  void withoutARequestTheWaitEndsEmpty() throws InterruptedException {
    assertThat(new SyncTrigger().await(Duration.ofMillis(20))).isFalse();
  }
}
