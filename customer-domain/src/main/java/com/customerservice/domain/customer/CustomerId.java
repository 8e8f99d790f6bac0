package com.customerservice.domain.customer;

import com.customerservice.domain.shared.RandomIds;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** A customer's id: {@code cus_} plus 24 random letters and digits. */
public record CustomerId(String value) {
  public static final String PREFIX = "cus_";

  public CustomerId {
    RandomIds.require(PREFIX, value, "customer_id");
  }

  public static CustomerId newId(RandomGenerator random) {
    return new CustomerId(RandomIds.next(PREFIX, random));
  }

  /** An id from outside, or empty when it cannot name any customer. */
  public static Optional<CustomerId> parse(String raw) {
    return RandomIds.isValid(PREFIX, raw) ? Optional.of(new CustomerId(raw)) : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
