package com.customerservice.domain.shared;

import com.customerservice.domain.error.InvalidValueException;

/** Rules for free text fields: trimmed, not blank, bounded, no control characters. */
public final class Text {
  private Text() {}

  /** Returns the trimmed value, or throws naming {@code field}. */
  public static String require(String field, String value, int maxLength) {
    if (value == null) {
      throw InvalidValueException.missing(field);
    }
    String trimmed = value.strip();
    if (trimmed.isEmpty()) {
      throw InvalidValueException.invalid(field, field + " must not be empty");
    }
    if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
      throw InvalidValueException.invalid(
          field, field + " must be at most " + maxLength + " characters");
    }
    if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
      throw InvalidValueException.invalid(field, field + " must not contain control characters");
    }
    return trimmed;
  }

  /** Like {@link #require} but lets {@code null} through, for optional fields. */
  public static String optional(String field, String value, int maxLength) {
    return value == null ? null : require(field, value, maxLength);
  }
}
