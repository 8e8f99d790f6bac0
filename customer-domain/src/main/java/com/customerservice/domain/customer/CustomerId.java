package com.customerservice.domain.customer;

import com.customerservice.domain.shared.IdKind;

/**
 * A customer's id: {@code cus_} plus 24 random letters and digits. Made and parsed through {@link
 * #KIND}.
 */
public record CustomerId(String value) {
  public static final IdKind<CustomerId> KIND =
      new IdKind<>("cus_", "customer_id", CustomerId::new);

  public CustomerId {
    KIND.require(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
