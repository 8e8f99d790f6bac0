package com.customerservice.domain.kyc;

import com.customerservice.domain.shared.IdKind;

/** Names one KYC check (a selfie sent to a vendor); made and parsed through {@link #KIND}. */
public record KycCheckId(String value) {
  public static final IdKind<KycCheckId> KIND = new IdKind<>("kyc_", "check_id", KycCheckId::new);

  public KycCheckId {
    KIND.require(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
