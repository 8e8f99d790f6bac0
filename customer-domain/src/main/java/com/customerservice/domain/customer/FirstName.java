package com.customerservice.domain.customer;

import com.customerservice.domain.shared.Text;

/**
 * A person's given names, as the customer or an identity document gives them; free text under
 * {@link Text}'s rules.
 */
public record FirstName(String value) {
  public static final String FIELD = "first_name";
  public static final int MAX_LENGTH = 100;

  public FirstName {
    value = Text.require(FIELD, value, MAX_LENGTH);
  }

  @Override
  public String toString() {
    return value;
  }
}
