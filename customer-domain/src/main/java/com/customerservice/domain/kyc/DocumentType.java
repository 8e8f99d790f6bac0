package com.customerservice.domain.kyc;

import java.util.Objects;
import java.util.regex.Pattern;

/** A kind of identity document we accept, and whether it has a back side to photograph. */
public record DocumentType(String code, String name, String country, boolean hasBack) {
  private static final Pattern CODE = Pattern.compile("[A-Z0-9_]{2,40}");
  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  public DocumentType {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(country, "country");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("document type code must match " + CODE + ": " + code);
    }
    if (!COUNTRY.matcher(country).matches()) {
      throw new IllegalArgumentException("country must be ISO 3166-1 alpha-2: " + country);
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("document type name must not be blank");
    }
  }
}
