package com.customerservice.domain.error;

/** The kinds of domain failure; an adapter maps each kind once, exhaustively. */
public enum Category {
  /** A value or request the caller can fix. */
  INVALID,
  /** The named thing does not exist (or is not visible to the caller). */
  NOT_FOUND,
  /** The request collides with the current state (a taken phone, a concurrent change). */
  CONFLICT,
  /** Too many requests or attempts; retry later. */
  RATE_LIMITED,
  /** A verification code was wrong or its session is no longer usable. */
  VERIFICATION_FAILED,
  /** A well-formed request the KYC rules refuse (an expired document, a rejected customer). */
  KYC_REFUSED,
  /** Content that is not an acceptable image. */
  UNSUPPORTED_MEDIA,
  /** Content larger than allowed. */
  TOO_LARGE,
  /** A message claiming to come from a partner (a vendor's callback) that cannot prove it. */
  NOT_AUTHENTIC,
  /** A dependency (database, KYC vendor, SMS gateway) cannot answer now. */
  UNAVAILABLE
}
