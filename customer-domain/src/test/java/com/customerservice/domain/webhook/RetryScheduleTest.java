package com.customerservice.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.event.EventId;
import com.customerservice.domain.event.EventType;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A receiver's Retry-After moves the next try later, within the schedule's bounds, never sooner.
 */
class RetryScheduleTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final SplittableRandom RANDOM = new SplittableRandom(27);

  private static WebhookDelivery due() {
    return WebhookDelivery.due(
        DeliveryId.KIND.next(RANDOM),
        WebhookEndpointId.KIND.next(RANDOM),
        EventId.KIND.next(RANDOM),
        EventType.CUSTOMER_CREATED,
        T0);
  }

  private static DeliveryAttempt busy(Instant at, Duration asked) {
    return DeliveryAttempt.answered(at, 503, Duration.ofMillis(4), "busy")
        .withRequestedDelay(asked);
  }

  @Test
  void aReceiverAskingForLongerThanTheScheduleIsLeftAloneThatLong() {
    WebhookDelivery after = due().after(busy(T0, Duration.ofSeconds(120)));
    assertThat(after.nextAttemptAt()).contains(T0.plusSeconds(120));
  }

  @Test
  void askingForLessThanTheScheduleNeverBringsTheRetryForward() {
    WebhookDelivery after = due().after(busy(T0, Duration.ZERO));
    assertThat(after.nextAttemptAt()).contains(T0.plus(RetrySchedule.DELAYS.get(0)));
  }

  @Test
  void askingForMoreThanTheLongestDelayGetsTheLongestDelay() {
    WebhookDelivery after = due().after(busy(T0, Duration.ofDays(30)));
    assertThat(after.nextAttemptAt()).contains(T0.plus(RetrySchedule.LONGEST_DELAY));
  }

  @Test
  void askingToWaitStillCountsAsATrySoTheTriesStillRunOut() {
    WebhookDelivery delivery = due();
    Instant at = T0;
    for (int i = 0; i < RetrySchedule.MAX_ATTEMPTS; i++) {
      delivery = delivery.after(busy(at, Duration.ofHours(1)));
      at = delivery.nextAttemptAt().orElse(at);
    }
    assertThat(delivery.status()).isEqualTo(WebhookDelivery.Status.FAILED);
    assertThat(delivery.attempts()).hasSize(RetrySchedule.MAX_ATTEMPTS);
  }

  @Test
  void onlyAnAnswerCarriesARequestedDelayAndNeverANegativeOne() {
    DeliveryAttempt refused =
        DeliveryAttempt.failed(T0, DeliveryError.CONNECTION_REFUSED, Duration.ZERO);
    assertThatThrownBy(() -> refused.withRequestedDelay(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> busy(T0, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
