package com.customerservice.adapter.kyc.smileid;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach Smile ID's server-to-server (v1) API, and how long to wait for it.
 *
 * @param baseUrl the API root ending in {@code /v1/}: {@link #SANDBOX} or {@link #PRODUCTION}
 * @param partnerId the partner id exactly as Smile ID issued it (leading zeros kept: it is signed)
 * @param apiKey the signature API key from the Smile ID portal
 * @param callbackUrl sent with each job (Smile ID posts results there too); may be empty, since
 *     this client polls {@code job_status}
 * @param maxAttempts attempts per call, the first included; only transient failures are retried
 * @param pollInterval the pause between two {@code job_status} polls
 * @param jobDeadline how long a selfie check waits for the job to finish before it answers
 *     "processing" (which decides nothing)
 * @param openCircuitFor how long an open circuit refuses calls before it lets a few through
 */
public record SmileIdSettings(
    URI baseUrl,
    String partnerId,
    String apiKey,
    String callbackUrl,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration pollInterval,
    Duration jobDeadline,
    Duration openCircuitFor) {
  public static final URI SANDBOX = URI.create("https://testapi.smileidentity.com/v1/");
  public static final URI PRODUCTION = URI.create("https://api.smileidentity.com/v1/");

  public SmileIdSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(callbackUrl, "callbackUrl");
    if (!baseUrl.getPath().endsWith("/")) {
      throw new IllegalArgumentException("the Smile ID base URL must end with '/'");
    }
    if (partnerId.isBlank() || apiKey.isBlank()) {
      throw new IllegalArgumentException("the Smile ID partner id and API key are required");
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /**
   * Production timings: 2 s to connect, 10 s per request, 3 attempts from 250 ms of backoff, a poll
   * a second for at most 30 s, and a circuit that stays open 30 s.
   */
  public static SmileIdSettings of(URI baseUrl, String partnerId, String apiKey, String callback) {
    return new SmileIdSettings(
        baseUrl,
        partnerId,
        apiKey,
        callback,
        Duration.ofSeconds(2),
        Duration.ofSeconds(10),
        3,
        Duration.ofMillis(250),
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        Duration.ofSeconds(30));
  }

  @Override
  public String toString() {
    return "SmileIdSettings[" + baseUrl + ", partner=" + partnerId + ", apiKey=***]";
  }
}
