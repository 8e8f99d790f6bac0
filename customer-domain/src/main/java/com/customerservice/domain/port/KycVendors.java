package com.customerservice.domain.port;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The KYC vendors the service talks to: the one new checks go to, and every configured one by name,
 * so that a check still in flight when the operator switches vendors finishes with the vendor that
 * started it.
 */
public final class KycVendors {
  private final KycVerifier active;
  private final Map<String, KycVerifier> byName = new LinkedHashMap<>();

  private KycVendors(KycVerifier active, List<KycVerifier> others) {
    this.active = Objects.requireNonNull(active, "active");
    byName.put(active.name(), active);
    for (KycVerifier other : others) {
      if (byName.putIfAbsent(other.name(), other) != null) {
        throw new IllegalArgumentException("two KYC vendors named " + other.name());
      }
    }
  }

  /** {@code active} for new checks; {@code others} only finish the checks they started. */
  public static KycVendors of(KycVerifier active, List<KycVerifier> others) {
    return new KycVendors(active, List.copyOf(others));
  }

  /** One vendor for everything. */
  public static KycVendors only(KycVerifier vendor) {
    return new KycVendors(vendor, List.of());
  }

  /** The vendor new documents and selfies go to. */
  public KycVerifier active() {
    return active;
  }

  /** The configured vendor called {@code name}. */
  public Optional<KycVerifier> named(String name) {
    return Optional.ofNullable(byName.get(name));
  }
}
