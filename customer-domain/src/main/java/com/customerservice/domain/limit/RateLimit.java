package com.customerservice.domain.limit;

import com.customerservice.domain.error.RateLimitedException;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A budget of requests: up to {@code capacity} at once, refilled by {@code refill} every {@code
 * period} (a token bucket). {@code name} keeps budgets apart in a shared store; {@code refusal} is
 * what a refused caller is told.
 */
public record RateLimit(String name, long capacity, long refill, Duration period, String refusal) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

  public RateLimit {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(refusal, "refusal");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a rate limit's name is a short snake_case word: " + name);
    }
    if (capacity < 1 || refill < 1 || refill > capacity) {
      throw new IllegalArgumentException(
          "a rate limit needs a capacity of at least 1 and a refill between 1 and the capacity");
    }
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("a rate limit's period must be positive");
    }
  }

  /** {@code rate} a second on average, with bursts of up to {@code burst}. */
  public static RateLimit perSecond(String name, long rate, long burst, String refusal) {
    return new RateLimit(name, Math.max(rate, burst), rate, Duration.ofSeconds(1), refusal);
  }

  /** {@code count} per {@code period}, all of which may be used at once. */
  public static RateLimit per(String name, long count, Duration period, String refusal) {
    return new RateLimit(name, count, count, period, refusal);
  }

  /** The refusal a caller gets when the budget is spent, with the wait until it can succeed. */
  public RateLimitedException refused(Duration wait) {
    return new RateLimitedException("rate_limited", refusal, wait);
  }
}
