package com.customerservice.domain.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Instants as the domain keeps them: UTC, truncated to microseconds so that a value survives a
 * round trip through any database that stores microseconds.
 */
public final class Timestamps {
  private Timestamps() {}

  public static Instant now(Clock clock) {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
