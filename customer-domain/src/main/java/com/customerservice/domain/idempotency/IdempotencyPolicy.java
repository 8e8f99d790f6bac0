package com.customerservice.domain.idempotency;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a running request holds its key ({@code claim}: a runner that dies mid-request keeps
 * retries out this long, then a retry runs the request again) and how long answers are kept.
 */
public record IdempotencyPolicy(Duration claim, Duration retention) {
  public static final Duration DEFAULT_CLAIM = Duration.ofSeconds(60);
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

  public IdempotencyPolicy {
    Objects.requireNonNull(claim, "claim");
    Objects.requireNonNull(retention, "retention");
    if (claim.isNegative() || claim.isZero() || retention.compareTo(claim) < 0) {
      throw new IllegalArgumentException("a claim must be positive and no longer than retention");
    }
  }

  public static IdempotencyPolicy defaults() {
    return new IdempotencyPolicy(DEFAULT_CLAIM, DEFAULT_RETENTION);
  }
}
