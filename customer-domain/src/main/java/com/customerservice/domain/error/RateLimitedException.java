package com.customerservice.domain.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Too many requests or attempts. {@link #retryAfter()} says when trying again can succeed, and is
 * empty when waiting never helps (a locked verification session: start a new one).
 */
public final class RateLimitedException extends DomainException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /** A limit that lifts after {@code retryAfter} (a negative wait counts as none). */
  public RateLimitedException(String code, String message, Duration retryAfter) {
    super(Category.RATE_LIMITED, code, message, null);
    Objects.requireNonNull(retryAfter, "retryAfter");
    this.retryAfter = retryAfter.isNegative() ? Duration.ZERO : retryAfter;
  }

  private RateLimitedException(String code, String message) {
    super(Category.RATE_LIMITED, code, message, null);
    this.retryAfter = null;
  }

  /** A refusal that waiting does not lift. */
  public static RateLimitedException permanently(String code, String message) {
    return new RateLimitedException(code, message);
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
