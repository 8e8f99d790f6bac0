package com.customerservice.domain.customer;

import com.customerservice.domain.error.InvalidValueException;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +} and 8 to 15 digits) that libphonenumber accepts as a
 * possible number for its country. Its {@code toString} masks the middle digits for logs.
 */
public record PhoneNumber(String e164) {
  public static final String FIELD = "phone_number";
  public static final String INVALID = "phone_number_invalid";
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  public PhoneNumber {
    if (e164 == null) {
      throw InvalidValueException.missing(FIELD);
    }
    if (!E164.matcher(e164).matches()) {
      throw invalid("phone_number must be in E.164 format: '+' then 8 to 15 digits");
    }
    try {
      if (!UTIL.isPossibleNumber(UTIL.parse(e164, null))) {
        throw invalid("phone_number is not a possible number for its country");
      }
    } catch (NumberParseException e) {
      throw invalid("phone_number has no known country calling code");
    }
  }

  /** A number from outside, or empty when it is not a valid E.164 number. */
  public static Optional<PhoneNumber> parse(String raw) {
    try {
      return Optional.of(new PhoneNumber(raw));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }

  private static InvalidValueException invalid(String message) {
    return new InvalidValueException(INVALID, FIELD, message);
  }

  @Override
  public String toString() {
    return e164.substring(0, 4) + "*".repeat(e164.length() - 7) + e164.substring(e164.length() - 3);
  }
}
