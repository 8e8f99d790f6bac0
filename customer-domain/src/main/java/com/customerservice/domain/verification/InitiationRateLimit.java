package com.customerservice.domain.verification;

import com.customerservice.domain.error.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How often one phone may be sent a code: not again within {@link #MIN_INTERVAL}, and at most
 * {@link #MAX_PER_WINDOW} times per {@link #WINDOW}. Protects the customer from SMS floods and the
 * platform from SMS cost.
 */
public final class InitiationRateLimit {
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(30);
  public static final Duration WINDOW = Duration.ofHours(1);
  public static final int MAX_PER_WINDOW = 5;

  private InitiationRateLimit() {}

  /** The start of the window a check at {@code now} looks at. */
  public static Instant windowStart(Instant now) {
    return now.minus(WINDOW);
  }

  /**
   * Throws when one more initiation at {@code now} would break a limit, given the earlier
   * initiations of the same phone inside the window (in any order).
   */
  public static void check(List<Instant> initiationsInWindow, Instant now) {
    Instant windowStart = windowStart(now);
    List<Instant> recent =
        initiationsInWindow.stream().filter(t -> t.isAfter(windowStart)).sorted().toList();
    if (recent.isEmpty()) {
      return;
    }
    Instant latest = recent.get(recent.size() - 1);
    Instant nextAllowed = latest.plus(MIN_INTERVAL);
    if (now.isBefore(nextAllowed)) {
      throw new RateLimitedException(
          "rate_limited",
          "A code was sent to this phone moments ago; wait before asking for another",
          Duration.between(now, nextAllowed));
    }
    if (recent.size() >= MAX_PER_WINDOW) {
      Instant oldestLeaves = recent.get(recent.size() - MAX_PER_WINDOW).plus(WINDOW);
      throw new RateLimitedException(
          "rate_limited",
          "Too many codes were sent to this phone in the last hour; try again later",
          Duration.between(now, oldestLeaves));
    }
  }
}
