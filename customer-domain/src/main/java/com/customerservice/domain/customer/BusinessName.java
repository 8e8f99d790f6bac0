package com.customerservice.domain.customer;

import com.customerservice.domain.shared.Text;

/** The name of a business account's business; free text under {@link Text}'s rules. */
public record BusinessName(String value) {
  public static final String FIELD = "business_name";
  public static final int MAX_LENGTH = 200;

  public BusinessName {
    value = Text.require(FIELD, value, MAX_LENGTH);
  }

  @Override
  public String toString() {
    return value;
  }
}
