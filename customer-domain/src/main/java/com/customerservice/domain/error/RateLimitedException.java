package com.customerservice.domain.error;

import java.time.Duration;
import java.util.Objects;

/** Too many requests or attempts; {@link #retryAfter()} says when trying again can succeed. */
public final class RateLimitedException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RateLimitedException(String code, String message, Duration retryAfter) {
    super(Category.RATE_LIMITED, code, message, null);
    Objects.requireNonNull(retryAfter, "retryAfter");
    this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whole seconds to wait, rounded up and at least one, as an HTTP {@code Retry-After} wants. */
  public long retryAfterSeconds() {
    long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
