package com.customerservice.adapter.kyc.vendor;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a KYC vendor client waits for its vendor, and how often it tries.
 *
 * @param connectTimeout the longest wait for a connection
 * @param requestTimeout the longest wait for one answer
 * @param maxAttempts attempts per call, the first included; only transient failures are retried
 * @param initialBackoff the pause before the first retry, doubled (with jitter) before each next
 * @param pollInterval the pause between two polls while a selfie's request waits for the verdict
 * @param verdictWait how long a selfie's request waits for the verdict before it answers that the
 *     job was taken (the service then polls it in the background); zero to not wait
 * @param openCircuitFor how long an open circuit refuses calls before it lets a few through
 */
public record VendorTimings(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration pollInterval,
    Duration verdictWait,
    Duration openCircuitFor) {

  public VendorTimings {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(verdictWait, "verdictWait");
    Objects.requireNonNull(openCircuitFor, "openCircuitFor");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive");
    }
    if (verdictWait.isNegative()) {
      throw new IllegalArgumentException("verdictWait must not be negative");
    }
  }

  /**
   * Production timings: 2 s to connect, 10 s per request, 3 attempts from 250 ms of backoff, a poll
   * a second for at most 8 s of a selfie's request (most jobs finish within it; the rest are
   * followed up in the background, and a client should not hang on longer), and a circuit that
   * stays open 30 s.
   */
  public static VendorTimings production() {
    return new VendorTimings(
        Duration.ofSeconds(2),
        Duration.ofSeconds(10),
        3,
        Duration.ofMillis(250),
        Duration.ofSeconds(1),
        Duration.ofSeconds(8),
        Duration.ofSeconds(30));
  }

  /** These timings with a selfie's request waiting {@code wait} for the verdict. */
  public VendorTimings withVerdictWait(Duration wait) {
    return new VendorTimings(
        connectTimeout,
        requestTimeout,
        maxAttempts,
        initialBackoff,
        pollInterval,
        wait,
        openCircuitFor);
  }
}
