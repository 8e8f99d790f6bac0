package com.customerservice.domain.kyc;

import com.customerservice.domain.shared.IdKind;

/**
 * Names one accepted identity document; the selfie step quotes it. Made and parsed through {@link
 * #KIND}.
 */
public record KycReference(String value) {
  public static final IdKind<KycReference> KIND =
      new IdKind<>("ref_", "reference", KycReference::new);

  public KycReference {
    KIND.require(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
