package com.customerservice.domain.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * When a failed delivery is tried again: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h after
 * each failure (a day and a half in all), then never.
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

  private RetrySchedule() {}

  /** How long after the {@code attempts}-th failed try the next one runs, if one does. */
  public static Optional<Duration> afterFailedAttempts(int attempts) {
    return attempts >= 1 && attempts <= DELAYS.size()
        ? Optional.of(DELAYS.get(attempts - 1))
        : Optional.empty();
  }
}
