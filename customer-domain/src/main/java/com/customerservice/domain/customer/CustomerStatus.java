package com.customerservice.domain.customer;

import com.customerservice.domain.shared.Coded;
import java.util.Locale;

/** Whether an account is in use or closed (closed accounts are kept but never shown). */
public enum CustomerStatus implements Coded {
  ACTIVE,
  CLOSED;

  public static final String FIELD = "status";

  @Override
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CustomerStatus fromCode(String code) {
    return Coded.parse(values(), code, FIELD);
  }
}
