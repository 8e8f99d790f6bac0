package com.customerservice.domain.customer;

import com.customerservice.domain.shared.Text;

/**
 * A person's family name, as the customer or an identity document gives it; free text under {@link
 * Text}'s rules.
 */
public record LastName(String value) {
  public static final String FIELD = "last_name";
  public static final int MAX_LENGTH = 100;

  public LastName {
    value = Text.require(FIELD, value, MAX_LENGTH);
  }

  @Override
  public String toString() {
    return value;
  }
}
