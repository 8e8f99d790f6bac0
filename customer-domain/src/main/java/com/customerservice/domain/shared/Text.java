package com.customerservice.domain.shared;

import com.customerservice.domain.error.InvalidValueException;
import java.text.Normalizer;

/**
 * Rules for free text fields (names, addresses, nationality): trimmed, not blank, bounded, stored
 * in Unicode NFC, and holding only characters that show as themselves. Control characters, format
 * characters (bidi overrides, zero-width spaces and joiners: they make a name look like another)
 * and unpaired surrogates (which no encoding can store) are refused.
 */
public final class Text {
  private Text() {}

  /** Returns the trimmed, NFC-normalised value, or throws naming {@code field}. */
  public static String require(String field, String value, int maxLength) {
    if (value == null) {
      throw InvalidValueException.missing(field);
    }
    if (hasUnpairedSurrogate(value)) {
      throw InvalidValueException.invalid(
          field, field + " must be valid Unicode text (it holds an unpaired surrogate)");
    }
    String text = Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    if (text.isEmpty()) {
      throw InvalidValueException.invalid(field, field + " must not be empty");
    }
    if (text.codePointCount(0, text.length()) > maxLength) {
      throw InvalidValueException.invalid(
          field, field + " must be at most " + maxLength + " characters");
    }
    if (text.codePoints().anyMatch(Character::isISOControl)) {
      throw InvalidValueException.invalid(field, field + " must not contain control characters");
    }
    if (text.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT)) {
      throw InvalidValueException.invalid(
          field,
          field + " must not contain invisible formatting characters (such as bidi overrides)");
    }
    return text;
  }

  /**
   * Like {@link #require}, for text of several lines (a note): line breaks are kept, as {@code \n}
   * whatever the sender used; every other rule holds.
   */
  public static String requireMultiline(String field, String value, int maxLength) {
    if (value == null) {
      throw InvalidValueException.missing(field);
    }
    String[] lines = value.replace("\r\n", "\n").replace('\r', '\n').strip().split("\n", -1);
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      if (text.length() > 0) {
        text.append('\n');
      }
      if (!line.isBlank()) {
        text.append(require(field, line, maxLength));
      }
    }
    String joined = text.toString();
    if (joined.isBlank()) {
      throw InvalidValueException.invalid(field, field + " must not be empty");
    }
    if (joined.codePointCount(0, joined.length()) > maxLength) {
      throw InvalidValueException.invalid(
          field, field + " must be at most " + maxLength + " characters");
    }
    return joined;
  }

  /** Like {@link #require} but lets {@code null} through, for optional fields. */
  public static String optional(String field, String value, int maxLength) {
    return value == null ? null : require(field, value, maxLength);
  }

  private static boolean hasUnpairedSurrogate(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }
}
