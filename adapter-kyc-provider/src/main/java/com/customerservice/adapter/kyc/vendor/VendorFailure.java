package com.customerservice.adapter.kyc.vendor;

import com.customerservice.domain.error.DependencyUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.time.Duration;
import java.util.Optional;

/**
 * A call to a KYC vendor that did not produce a usable answer. Transient failures (no connection, a
 * timeout, 429, 5xx, a malformed or truncated body) are retried and count against the circuit; a
 * refusal (any other 4xx) is neither. The reason names the operation and the status, never a
 * customer's data.
 */
public final class VendorFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean transientFailure;
  private final int status;
  private final String vendorCode;
  private final transient Duration retryAfter;

  private VendorFailure(
      String reason,
      boolean transientFailure,
      int status,
      String vendorCode,
      Duration retryAfter,
      Throwable cause) {
    super(reason, cause, false, false);
    this.transientFailure = transientFailure;
    this.status = status;
    this.vendorCode = vendorCode;
    this.retryAfter = retryAfter;
  }

  public static VendorFailure transientFailure(String reason, Throwable cause) {
    return new VendorFailure(reason, true, 0, "", null, cause);
  }

  public static VendorFailure refusal(String reason) {
    return new VendorFailure(reason, false, 0, "", null, null);
  }

  /**
   * The vendor answered HTTP {@code status}: transient for 429 and 5xx, a refusal otherwise; {@code
   * vendorCode} is the vendor's own error code (such as Smile ID's 2215, "job already exists"),
   * {@code retryAfter} what its {@code Retry-After} asked for.
   */
  static VendorFailure answered(
      String reason, int status, String vendorCode, Optional<Duration> retryAfter) {
    return new VendorFailure(
        reason, status == 429 || status >= 500, status, vendorCode, retryAfter.orElse(null), null);
  }

  public boolean hasVendorCode(String code) {
    return code.equals(vendorCode);
  }

  public boolean isTransient() {
    return transientFailure;
  }

  /** The vendor refused the call for its rate (429): it did nothing. */
  public boolean isRateLimited() {
    return status == 429;
  }

  /** The vendor does not know the resource the call named. */
  public boolean isNotFound() {
    return status == 404;
  }

  /** How long the vendor asked to be left alone, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The 503 a customer's request answers when the vendor cannot be reached. */
  public static DependencyUnavailableException unavailable(RuntimeException cause) {
    return new DependencyUnavailableException(
        "kyc_provider_unavailable", "The identity verification provider is unavailable", cause);
  }

  /** Why a call failed, for a log line: the failure's reason, or that the circuit is open. */
  public static String reason(RuntimeException e) {
    return e instanceof CallNotPermittedException ? "circuit open" : e.getMessage();
  }
}
