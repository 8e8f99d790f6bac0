package com.customerservice.domain.customer;

import com.customerservice.domain.error.InvalidValueException;
import java.util.regex.Pattern;

/** An e-mail address of the practical form {@code local@domain.tld}, at most 254 characters. */
public record Email(String value) {
  public static final String FIELD = "email";
  private static final Pattern SHAPE =
      Pattern.compile(
          "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

  public Email {
    if (value == null) {
      throw InvalidValueException.missing(FIELD);
    }
    if (value.length() > 254 || value.indexOf('@') > 64 || !SHAPE.matcher(value).matches()) {
      throw new InvalidValueException(
          "email_invalid", FIELD, "email must be a valid address such as name@example.com");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
