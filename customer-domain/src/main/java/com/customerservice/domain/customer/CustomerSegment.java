package com.customerservice.domain.customer;

import com.customerservice.domain.shared.Coded;
import java.util.Locale;

/** Whether the account is for a person or a business. */
public enum CustomerSegment implements Coded {
  PERSONAL,
  BUSINESS;

  public static final String FIELD = "customer_segment";

  @Override
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CustomerSegment fromCode(String code) {
    return Coded.parse(values(), code, FIELD);
  }
}
