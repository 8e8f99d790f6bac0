package com.customerservice.domain.kyc;

import com.customerservice.domain.shared.RandomIds;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Names one accepted identity document; the selfie step quotes it. */
public record KycReference(String value) {
  public static final String PREFIX = "ref_";

  public KycReference {
    RandomIds.require(PREFIX, value, "reference");
  }

  public static KycReference newId(RandomGenerator random) {
    return new KycReference(RandomIds.next(PREFIX, random));
  }

  public static Optional<KycReference> parse(String raw) {
    return RandomIds.isValid(PREFIX, raw) ? Optional.of(new KycReference(raw)) : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
