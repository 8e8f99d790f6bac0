package com.customerservice.domain.idempotency;

import com.customerservice.domain.error.InvalidValueException;

/**
 * A client's name for one attempt at a request (the {@code Idempotency-Key} header): 1 to 255
 * printable ASCII characters. Retries that carry it are answered once.
 */
public record IdempotencyKey(String value) {
  public static final String FIELD = "Idempotency-Key";
  public static final int MAX_LENGTH = 255;

  public IdempotencyKey {
    if (value == null || value.isEmpty() || value.length() > MAX_LENGTH || !printable(value)) {
      throw new InvalidValueException(
          "idempotency_key_invalid",
          FIELD,
          FIELD + " must be 1 to " + MAX_LENGTH + " printable ASCII characters");
    }
  }

  private static boolean printable(String value) {
    return value.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
  }

  @Override
  public String toString() {
    return "IdempotencyKey[" + value.length() + " chars]";
  }
}
