package com.customerservice.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One try at delivering an event: when, what the receiver answered (a status, at most {@value
 * #MAX_EXCERPT} bytes of its body, and how long it asked us to wait before trying again) or why
 * there was no answer ({@link DeliveryError}), and how long it took.
 */
public record DeliveryAttempt(
    Instant attemptedAt,
    OptionalInt statusCode,
    Duration duration,
    Optional<DeliveryError> error,
    String responseExcerpt,
    Optional<Duration> requestedDelay) {
  public static final int MAX_EXCERPT = 1024;

  public DeliveryAttempt {
    Objects.requireNonNull(attemptedAt, "attemptedAt");
    Objects.requireNonNull(statusCode, "statusCode");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(responseExcerpt, "responseExcerpt");
    Objects.requireNonNull(requestedDelay, "requestedDelay");
    if (statusCode.isEmpty() && error.isEmpty()) {
      throw new IllegalArgumentException("an attempt has a status code or an error");
    }
    if (requestedDelay.isPresent() && (statusCode.isEmpty() || requestedDelay.get().isNegative())) {
      throw new IllegalArgumentException("requestedDelay is a receiver's answer, zero or more");
    }
    if (responseExcerpt.length() > MAX_EXCERPT) {
      responseExcerpt = responseExcerpt.substring(0, MAX_EXCERPT);
    }
  }

  /** The receiver answered. */
  public static DeliveryAttempt answered(
      Instant at, int status, Duration duration, String excerpt) {
    return new DeliveryAttempt(
        at,
        OptionalInt.of(status),
        duration,
        Optional.empty(),
        excerpt == null ? "" : excerpt,
        Optional.empty());
  }

  /** No answer, for the reason {@code error} names. */
  public static DeliveryAttempt failed(Instant at, DeliveryError error, Duration duration) {
    return new DeliveryAttempt(
        at, OptionalInt.empty(), duration, Optional.of(error), "", Optional.empty());
  }

  /** This answer, with the receiver asking not to be tried again before {@code delay}. */
  public DeliveryAttempt withRequestedDelay(Duration delay) {
    return new DeliveryAttempt(
        attemptedAt, statusCode, duration, error, responseExcerpt, Optional.of(delay));
  }

  /** Any 2xx delivers; anything else is retried. */
  public boolean delivered() {
    return statusCode.isPresent() && statusCode.getAsInt() >= 200 && statusCode.getAsInt() < 300;
  }
}
