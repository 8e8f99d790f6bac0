package com.customerservice.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.error.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "258841234567", // no plus
        "+258 84 123 4567", // spaces
        "+25884123456a",
        "+0258841234567", // country codes never start with 0
        "+1234567", // 7 digits
        "+1234567890123456", // 16 digits
        "+2588412345678", // too long for Mozambique
        "+99912345678", // no such country calling code
        "",
        "++258841234567"
      })
  void refusesWhatIsNotAPossibleE164Number(String raw) {
    assertThatThrownBy(() -> new PhoneNumber(raw))
        .isInstanceOfSatisfying(
            InvalidValueException.class,
            e -> {
              assertThat(e.code()).isEqualTo("phone_number_invalid");
              assertThat(e.param()).contains("phone_number");
            });
  }

  @Test
  void refusesNullAsMissing() {
    assertThatThrownBy(() -> new PhoneNumber(null))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.code()).isEqualTo("parameter_missing"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"+258830000000", "+258841234567", "+14155550123", "+351912345678"})
  void acceptsPossibleNumbers(String raw) {
    assertThat(new PhoneNumber(raw).e164()).isEqualTo(raw);
  }

  @Test
  void parseAnswersEmptyInsteadOfThrowing() {
    assertThat(PhoneNumber.parse("not a phone")).isEmpty();
    assertThat(PhoneNumber.parse(null)).isEmpty();
    assertThat(PhoneNumber.parse("+258841234567")).contains(new PhoneNumber("+258841234567"));
  }

  @Test
  void toStringMasksTheMiddleDigitsForLogs() {
    assertThat(new PhoneNumber("+258841234567").toString())
        .isEqualTo("+258******567")
        .doesNotContain("1234");
  }

  /**
   * The quick check never accepts what libphonenumber's full parse refuses, and the two together
   * accept exactly what the parse accepts: every calling code, every length E.164 allows, national
   * numbers with no, one and several leading zeros.
   */
  @Test
  void theQuickCheckAgreesWithTheFullParseForEveryCallingCode() throws Exception {
    var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
    var random = new java.util.Random(20261128);
    int quick = 0;
    int checked = 0;
    for (int code : util.getSupportedCallingCodes()) {
      String prefix = "+" + code;
      for (int length = prefix.length() + 1; length <= 16; length++) {
        for (String lead : new String[] {"", "0", "00"}) {
          StringBuilder digits = new StringBuilder(prefix).append(lead);
          while (digits.length() < length) {
            digits.append(
                digits.length() == prefix.length() + lead.length() && lead.isEmpty()
                    ? (char) ('1' + random.nextInt(9))
                    : (char) ('0' + random.nextInt(10)));
          }
          String e164 = digits.substring(0, length);
          if (!e164.matches("\\+[1-9][0-9]{7,14}")) {
            continue;
          }
          boolean full;
          try {
            full = util.isPossibleNumber(util.parse(e164, null));
          } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            full = false;
          }
          boolean fast = PhoneNumber.isPossibleQuickly(e164);
          assertThat(!fast || full).as("quick check accepted %s, the parse did not", e164).isTrue();
          assertThat(PhoneNumber.parse(e164).isPresent()).as(e164).isEqualTo(full);
          quick += fast ? 1 : 0;
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(5_000);
    assertThat(quick).as("the quick path serves most possible numbers").isGreaterThan(checked / 4);
  }
}
