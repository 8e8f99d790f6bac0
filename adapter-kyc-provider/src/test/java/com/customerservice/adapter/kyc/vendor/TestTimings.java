package com.customerservice.adapter.kyc.vendor;

import java.time.Duration;

/**
 * Timings for a vendor client talking to a local fake: short enough that no test waits for seconds
 * (a poll every {@link #POLL_INTERVAL}, answers late after {@link #REQUEST_TIMEOUT}), and a circuit
 * that, once open, stays open for the rest of the test.
 */
public final class TestTimings {
  public static final Duration REQUEST_TIMEOUT = Duration.ofMillis(300);
  public static final Duration POLL_INTERVAL = Duration.ofMillis(20);

  private TestTimings() {}

  /** Fast timings with a selfie's request waiting {@code verdictWait} for the verdict. */
  public static VendorTimings fast(Duration verdictWait) {
    return new VendorTimings(
        Duration.ofMillis(500),
        REQUEST_TIMEOUT,
        3,
        Duration.ofMillis(10),
        POLL_INTERVAL,
        verdictWait,
        Duration.ofMinutes(5));
  }
}
