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
  private final String vendorCode;

  private VendorFailure(
      String reason, boolean transientFailure, String vendorCode, Throwable cause) {
    super(reason, cause, false, false);
    this.transientFailure = transientFailure;
    this.vendorCode = vendorCode;
  }

  static VendorFailure transientFailure(String reason, Throwable cause) {
    return new VendorFailure(reason, true, null, cause);
  }

  static VendorFailure refusal(String reason) {
    return new VendorFailure(reason, false, null, null);
  }

  /** A refusal carrying Smile ID's own error code (such as 2215, "job already exists"). */
  static VendorFailure refusal(String reason, String vendorCode) {
    return new VendorFailure(reason, false, vendorCode, null);
  }

  boolean hasVendorCode(String code) {
    return code.equals(vendorCode);
  }

  boolean isTransient() {
    return transientFailure;
  }
}
