package com.customerservice.domain.idempotency;

import java.util.Objects;

/**
 * One request under a key: who sent it ({@code scope}, the API key's name, so two callers never
 * share keys), the key, and the fingerprint of what was asked (the adapter decides what counts).
 */
public record IdempotentRequest(String scope, IdempotencyKey key, String fingerprint) {
  public IdempotentRequest {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }
}
