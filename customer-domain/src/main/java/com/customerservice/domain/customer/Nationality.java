package com.customerservice.domain.customer;

import com.customerservice.domain.shared.Text;

/** A nationality as the customer states it (such as {@code Mozambican}); free text. */
public record Nationality(String value) {
  public static final String FIELD = "nationality";
  public static final int MAX_LENGTH = 64;

  public Nationality {
    value = Text.require(FIELD, value, MAX_LENGTH);
  }

  @Override
  public String toString() {
    return value;
  }
}
