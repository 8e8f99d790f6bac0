package com.customerservice.domain.customer;

import com.customerservice.domain.error.InvalidValueException;
import com.customerservice.domain.shared.Text;

/**
 * A postal address. Clients may send it as {@code street^city^country[^postal_code]}; the parts
 * themselves never contain {@code ^}, so the short form always reads back the same.
 */
public record Address(String street, String city, String country, String postalCode) {
  public static final String FIELD = "address";
  private static final int MAX_PART = 200;

  public Address {
    street = part(street, "street");
    city = part(city, "city");
    country = part(country, "country");
    postalCode = postalCode == null ? null : part(postalCode, "postal_code");
  }

  /** Reads {@code street^city^country} with an optional fourth part, the postal code. */
  public static Address parse(String caretForm) {
    if (caretForm == null) {
      throw InvalidValueException.missing(FIELD);
    }
    String[] parts = caretForm.split("\\^", -1);
    if (parts.length < 3 || parts.length > 4) {
      throw InvalidValueException.invalid(
          FIELD, "address must be 'street^city^country' with an optional '^postal_code'");
    }
    return new Address(parts[0], parts[1], parts[2], parts.length == 4 ? parts[3] : null);
  }

  public String toCaretForm() {
    return String.join("^", street, city, country) + (postalCode == null ? "" : "^" + postalCode);
  }

  private static String part(String value, String name) {
    String field = FIELD + "." + name;
    String text = Text.require(field, value, MAX_PART);
    if (text.indexOf('^') >= 0) {
      throw InvalidValueException.invalid(field, field + " must not contain '^'");
    }
    return text;
  }
}
