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
}
