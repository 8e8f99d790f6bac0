package com.customerservice.domain.verification;

import com.customerservice.domain.shared.HmacKey;

/**
 * Keeps codes only as keyed hashes bound to their session, so a database reader can neither read a
 * code nor try one session's hash against another session.
 */
public final class OtpHasher {
  private final HmacKey key;

  public OtpHasher(HmacKey key) {
    this.key = key.derive("otp");
  }

  public byte[] hash(SessionId session, OtpCode code) {
    return key.tag(session.value(), code.digits());
  }

  /** Compares in constant time. */
  public boolean matches(SessionId session, OtpCode submitted, byte[] storedHash) {
    return HmacKey.equalTags(storedHash, hash(session, submitted));
  }
}
