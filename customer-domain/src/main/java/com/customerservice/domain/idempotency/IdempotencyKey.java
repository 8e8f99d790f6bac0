package com.customerservice.domain.idempotency;

import java.util.Optional;

/**
 * A client's name for one attempt at a request: 1 to {@value #MAX_LENGTH} printable ASCII
 * characters. Retries that carry it are answered once. Where it travels (a header) and how a bad
 * one is refused is the adapter's business: {@link #parse} says only whether it is a key.
 */
public record IdempotencyKey(String value) {
  public static final int MAX_LENGTH = 255;

  public IdempotencyKey {
    if (!valid(value)) {
      throw new IllegalArgumentException(
          "an idempotency key is 1 to " + MAX_LENGTH + " printable ASCII characters");
    }
  }

  /** The key {@code value} names, or empty when it is not one. */
  public static Optional<IdempotencyKey> parse(String value) {
    return valid(value) ? Optional.of(new IdempotencyKey(value)) : Optional.empty();
  }

  private static boolean valid(String value) {
    return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH && printable(value);
  }

  private static boolean printable(String value) {
    return value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
  }

  @Override
  public String toString() {
    return "IdempotencyKey[" + value.length() + " chars]";
  }
}
