package com.customerservice.domain.verification;

import com.customerservice.domain.error.InvalidValueException;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** A one-time code: exactly six digits. Its {@code toString} never shows them. */
public record OtpCode(String digits) {
  public static final String FIELD = "verification_code";
  private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");

  public OtpCode {
    if (digits == null) {
      throw InvalidValueException.missing(FIELD);
    }
    if (!SIX_DIGITS.matcher(digits).matches()) {
      throw InvalidValueException.invalid(FIELD, "verification_code must be exactly 6 digits");
    }
  }

  /** A code drawn uniformly from 000000 to 999999. */
  public static OtpCode generate(RandomGenerator random) {
    return new OtpCode(String.format("%06d", random.nextInt(1_000_000)));
  }

  @Override
  public String toString() {
    return "******";
  }
}
