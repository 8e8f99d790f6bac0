package com.customerservice.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One try at delivering an event: when, what the receiver answered (a status and at most {@value
 * #MAX_EXCERPT} bytes of its body) or why there was no answer ({@code error}: {@code timeout},
 * {@code connection_failed}, {@code forbidden_destination}, …), and how long it took.
 */
public record DeliveryAttempt(
    Instant attemptedAt,
    OptionalInt statusCode,
    Duration duration,
    Optional<String> error,
    String responseExcerpt) {
  public static final int MAX_EXCERPT = 1024;

  public DeliveryAttempt {
    Objects.requireNonNull(attemptedAt, "attemptedAt");
    Objects.requireNonNull(statusCode, "statusCode");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(responseExcerpt, "responseExcerpt");
    if (statusCode.isEmpty() && error.isEmpty()) {
      throw new IllegalArgumentException("an attempt has a status code or an error");
    }
    if (responseExcerpt.length() > MAX_EXCERPT) {
      responseExcerpt = responseExcerpt.substring(0, MAX_EXCERPT);
    }
  }

  /** The receiver answered. */
  public static DeliveryAttempt answered(
      Instant at, int status, Duration duration, String excerpt) {
    return new DeliveryAttempt(
        at, OptionalInt.of(status), duration, Optional.empty(), excerpt == null ? "" : excerpt);
  }

  /** No answer, for the reason {@code error} names. */
  public static DeliveryAttempt failed(Instant at, String error, Duration duration) {
    return new DeliveryAttempt(at, OptionalInt.empty(), duration, Optional.of(error), "");
  }

  /** Any 2xx delivers; anything else is retried. */
  public boolean delivered() {
    return statusCode.isPresent() && statusCode.getAsInt() >= 200 && statusCode.getAsInt() < 300;
  }
}
