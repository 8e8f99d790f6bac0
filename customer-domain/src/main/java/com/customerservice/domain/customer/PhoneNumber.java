package com.customerservice.domain.customer;

import com.customerservice.domain.error.InvalidValueException;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import java.util.Optional;
import java.util.Set;
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
  private static final Set<Integer> CALLING_CODES = Set.copyOf(UTIL.getSupportedCallingCodes());

  public PhoneNumber {
    if (e164 == null) {
      throw InvalidValueException.missing(FIELD);
    }
    if (!E164.matcher(e164).matches()) {
      throw invalid("phone_number must be in E.164 format: '+' then 8 to 15 digits");
    }
    try {
      if (!isPossibleQuickly(e164) && !UTIL.isPossibleNumber(UTIL.parse(e164, null))) {
        throw invalid("phone_number is not a possible number for its country");
      }
    } catch (NumberParseException e) {
      throw invalid("phone_number has no known country calling code");
    }
  }

  /**
   * The common case without {@link PhoneNumberUtil#parse}, whose regular expressions (extensions,
   * viability, punctuation) cost about 8 µs a number and showed in every profile that maps stored
   * customers. An E.164 string has none of what they look for: the country calling code is the
   * first of its 1-3 digit prefixes that is a known code (calling codes are prefix-free), the rest
   * is the national number. True only when libphonenumber calls that number possible; false sends
   * the caller to the full parse, so together they accept exactly what the parse accepts (a parse
   * could only shorten the national number by a national prefix, and it keeps the shorter form only
   * when that is not too short, so a number possible here is possible there).
   */
  static boolean isPossibleQuickly(String e164) {
    for (int digits = 1; digits <= 3 && digits < e164.length() - 1; digits++) {
      int code = Integer.parseInt(e164, 1, 1 + digits, 10);
      if (CALLING_CODES.contains(code)) {
        String national = e164.substring(1 + digits);
        Phonenumber.PhoneNumber number =
            new Phonenumber.PhoneNumber()
                .setCountryCode(code)
                .setNationalNumber(Long.parseLong(national));
        markLeadingZeros(number, national);
        return UTIL.isPossibleNumber(number);
      }
    }
    return false;
  }

  /** As the parse records them: "Italian" leading zeros belong to the national number. */
  private static void markLeadingZeros(Phonenumber.PhoneNumber number, String national) {
    if (national.length() > 1 && national.charAt(0) == '0') {
      number.setItalianLeadingZero(true);
      int zeros = 1;
      while (zeros < national.length() - 1 && national.charAt(zeros) == '0') {
        zeros++;
      }
      if (zeros != 1) {
        number.setNumberOfLeadingZeros(zeros);
      }
    }
  }

  /**
   * The country (ISO 3166-1 alpha-2, such as {@code MZ}) this number belongs to when it is a valid
   * mobile number there; empty for landlines, premium-rate, satellite and other non-mobile numbers,
   * which a code sent by SMS could only cost money on.
   */
  public Optional<String> mobileRegion() {
    try {
      Phonenumber.PhoneNumber number = UTIL.parse(e164, null);
      PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(number);
      boolean mobile =
          type == PhoneNumberUtil.PhoneNumberType.MOBILE
              || type == PhoneNumberUtil.PhoneNumberType.FIXED_LINE_OR_MOBILE;
      String region = UTIL.getRegionCodeForNumber(number);
      return mobile && region != null && region.length() == 2
          ? Optional.of(region)
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
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
