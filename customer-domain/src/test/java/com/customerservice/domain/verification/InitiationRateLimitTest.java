package com.customerservice.domain.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.error.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InitiationRateLimitTest {
  private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

  @Test
  void aFirstInitiationIsAllowed() {
    assertThatCode(() -> InitiationRateLimit.check(List.of(), NOW)).doesNotThrowAnyException();
  }

  @Test
  void anotherWithinThirtySecondsIsRefusedWithTheWaitLeft() {
    assertThatThrownBy(() -> InitiationRateLimit.check(List.of(NOW.minusSeconds(10)), NOW))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.code()).isEqualTo("rate_limited");
              assertThat(e.retryAfter()).contains(Duration.ofSeconds(20));
            });
  }

  @Test
  void anotherAfterThirtySecondsIsAllowed() {
    assertThatCode(() -> InitiationRateLimit.check(List.of(NOW.minusSeconds(30)), NOW))
        .doesNotThrowAnyException();
  }

  @Test
  void theSixthInAnHourIsRefusedUntilTheOldestLeavesTheWindow() {
    List<Instant> five =
        List.of(
            NOW.minusSeconds(3000),
            NOW.minusSeconds(2000),
            NOW.minusSeconds(1000),
            NOW.minusSeconds(500),
            NOW.minusSeconds(100));
    assertThatThrownBy(() -> InitiationRateLimit.check(five, NOW))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(600)));
  }

  @Test
  void initiationsOlderThanAnHourDoNotCount() {
    List<Instant> old =
        List.of(
            NOW.minusSeconds(7200),
            NOW.minusSeconds(7100),
            NOW.minusSeconds(7000),
            NOW.minusSeconds(3600),
            NOW.minusSeconds(100),
            NOW.minusSeconds(90));
    assertThatCode(() -> InitiationRateLimit.check(old, NOW)).doesNotThrowAnyException();
  }

  @Test
  void aNegativeWaitCountsAsNoneAndAPermanentRefusalHasNoWait() {
    assertThat(new RateLimitedException("x", "y", Duration.ofSeconds(-5)).retryAfter())
        .contains(Duration.ZERO);
    assertThat(RateLimitedException.permanently("x", "y").retryAfter()).isEmpty();
  }
}
