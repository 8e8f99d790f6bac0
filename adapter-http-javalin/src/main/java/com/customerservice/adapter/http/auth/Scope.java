package com.customerservice.adapter.http.auth;

import io.javalin.security.RouteRole;
import java.util.Arrays;
import java.util.Optional;

/**
 * What an API key may do. Every route under {@code /v1} and {@code /files} names the one scope it
 * needs; a key without it gets 403 {@code insufficient_scope}.
 */
public enum Scope implements RouteRole {
  /** The seed API: onboarding, customers, KYC uploads, files, receiver look-up. */
  CUSTOMERS("customers"),
  /** Events, webhook endpoints, KYC reviews, reopening KYC. */
  BACK_OFFICE("back_office");

  private final String code;

  Scope(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<Scope> parse(String code) {
    return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
  }
}
