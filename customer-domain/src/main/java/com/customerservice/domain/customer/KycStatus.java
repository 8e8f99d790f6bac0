package com.customerservice.domain.customer;

import com.customerservice.domain.shared.Coded;
import java.util.Locale;

/** Where a customer stands in identity verification. */
public enum KycStatus implements Coded {
  /** Nothing submitted yet. */
  UNVERIFIED,
  /** A document was accepted; a matching selfie is awaited. */
  PENDING,
  /** Document and selfie matched. */
  VERIFIED,
  /** Too many failed selfies; only a person can reopen the case. */
  REJECTED;

  public static final String FIELD = "kyc_status";

  @Override
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static KycStatus fromCode(String code) {
    return Coded.parse(values(), code, FIELD);
  }
}
