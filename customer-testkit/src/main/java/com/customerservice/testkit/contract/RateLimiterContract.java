package com.customerservice.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.error.RateLimitedException;
import com.customerservice.domain.limit.RateLimit;
import com.customerservice.domain.port.RateLimiter;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} must do; the budgets are an hour long, so no test waits. */
public abstract class RateLimiterContract {
  private static final RateLimit THREE_AN_HOUR =
      RateLimit.per("contract_three", 3, Duration.ofHours(1), "Three an hour");

  protected abstract RateLimiter limiter();

  private static String subject() {
    return "s" + UUID.randomUUID().toString().replace("-", "");
  }

  @Test
  void aBudgetAllowsItsCapacityThenRefusesWithTheWait() {
    String subject = subject();
    for (int i = 0; i < 3; i++) {
      limiter().acquire(THREE_AN_HOUR, subject);
    }
    assertThatThrownBy(() -> limiter().acquire(THREE_AN_HOUR, subject))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> {
              assertThat(e.code()).isEqualTo("rate_limited");
              assertThat(e.getMessage()).isEqualTo("Three an hour");
              assertThat(e.retryAfter().orElseThrow())
                  .isPositive()
                  .isLessThanOrEqualTo(Duration.ofMinutes(20));
            });
  }

  @Test
  void subjectsHaveBudgetsOfTheirOwn() {
    String first = subject();
    for (int i = 0; i < 3; i++) {
      limiter().acquire(THREE_AN_HOUR, first);
    }
    limiter().acquire(THREE_AN_HOUR, subject());
  }

  @Test
  void limitsOfOtherNamesDoNotShareABudget() {
    String subject = subject();
    for (int i = 0; i < 3; i++) {
      limiter().acquire(THREE_AN_HOUR, subject);
    }
    limiter().acquire(RateLimit.per("contract_other", 1, Duration.ofHours(1), "One"), subject);
  }
}
