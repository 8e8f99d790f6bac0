package com.customerservice.adapter.kyc.smileid;

/**
 * A call to Smile ID that did not produce a usable answer. Transient failures (no connection, a
 * timeout, 429, 5xx, a malformed or truncated body) are retried and count against the circuit; a
 * refusal (any other 4xx) is neither. The reason names the operation and the status, never a
 * customer's data.
 */
final class VendorFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean transientFailure;

  private VendorFailure(String reason, boolean transientFailure, Throwable cause) {
    super(reason, cause, false, false);
    this.transientFailure = transientFailure;
  }

  static VendorFailure transientFailure(String reason, Throwable cause) {
    return new VendorFailure(reason, true, cause);
  }

  static VendorFailure refusal(String reason) {
    return new VendorFailure(reason, false, null);
  }

  boolean isTransient() {
    return transientFailure;
  }
}
