package com.customerservice.adapter.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import okhttp3.Response;

/**
 * How long a receiver asked us to wait: {@code Retry-After} on a 429 or 503, where it means "try
 * again after" (RFC 9110 §10.2.3, RFC 6585 §4); on other answers it is ignored. The schedule
 * decides what to make of it.
 */
final class RetryAfter {
  /** Nine digits of seconds are three decades: more is as good as forever, and cannot overflow. */
  private static final int MAX_DIGITS = 9;

  private RetryAfter() {}

  /** What {@code response}, received at {@code now}, asks for, if it asks. */
  static Optional<Duration> requestedBy(Response response, Instant now) {
    if (response.code() != 429 && response.code() != 503) {
      return Optional.empty();
    }
    String value = response.header("Retry-After");
    return value == null ? Optional.empty() : parse(value, now);
  }

  /** Delay-seconds or an HTTP date (a date in the past asks for no wait); empty if malformed. */
  static Optional<Duration> parse(String value, Instant now) {
    String v = value.trim();
    if (!v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Optional.of(
          Duration.ofSeconds(v.length() > MAX_DIGITS ? 999_999_999L : Long.parseLong(v)));
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
