package com.customerservice.domain.customer;

import com.customerservice.domain.shared.Coded;

/** Sex as printed on identity documents. */
public enum Sex implements Coded {
  M,
  F;

  public static final String FIELD = "sex";

  public static Sex fromCode(String code) {
    return Coded.parse(values(), code, FIELD);
  }

  @Override
  public String code() {
    return name();
  }
}
