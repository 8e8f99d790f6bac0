package com.customerservice.domain.kyc;

import com.customerservice.domain.shared.IdKind;

/** Names one review of a KYC case by a person; made and parsed through {@link #KIND}. */
public record KycReviewId(String value) {
  public static final IdKind<KycReviewId> KIND = new IdKind<>("rev_", "id", KycReviewId::new);

  public KycReviewId {
    KIND.require(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
