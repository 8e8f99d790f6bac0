package com.customerservice.domain.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h after
 * each failure (a day and a half in all), then never. A receiver that asks for a longer pause (a
 * 429 or 503 with {@code Retry-After}) gets it, up to the schedule's longest delay; asking for a
 * shorter one never brings a retry forward.
 */
public final class RetrySchedule {
  public static final List<Duration> DELAYS =
      List.of(
          Duration.ofSeconds(5),
          Duration.ofMinutes(5),
          Duration.ofMinutes(30),
          Duration.ofHours(2),
          Duration.ofHours(5),
          Duration.ofHours(10),
          Duration.ofHours(10));

  /** The first try and every retry. */
  public static final int MAX_ATTEMPTS = DELAYS.size() + 1;

  /** The longest pause a receiver's request can bring about. */
  public static final Duration LONGEST_DELAY = DELAYS.get(DELAYS.size() - 1);

  private RetrySchedule() {}

  /**
   * How long after the {@code attempts}-th failed try the next one runs, if one does: the
   * schedule's delay, or what the receiver asked for ({@code requested}) when that is longer, but
   * never more than {@link #LONGEST_DELAY}. The try counts either way, so asking to wait cannot add
   * tries.
   */
  public static Optional<Duration> afterFailedAttempts(int attempts, Optional<Duration> requested) {
    if (attempts < 1 || attempts > DELAYS.size()) {
      return Optional.empty();
    }
    Duration scheduled = DELAYS.get(attempts - 1);
    Duration asked = requested.orElse(Duration.ZERO);
    if (asked.compareTo(LONGEST_DELAY) > 0) {
      asked = LONGEST_DELAY;
    }
    return Optional.of(asked.compareTo(scheduled) > 0 ? asked : scheduled);
  }
}
