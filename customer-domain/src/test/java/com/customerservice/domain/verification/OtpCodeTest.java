package com.customerservice.domain.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.error.InvalidValueException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OtpCodeTest {

  @Test
  void generatedCodesAreSixDigitsIncludingLeadingZeros() {
    var random = new SplittableRandom(3);
    boolean sawLeadingZero = false;
    for (int i = 0; i < 5000; i++) {
      String digits = OtpCode.generate(random).digits();
      assertThat(digits).matches("[0-9]{6}");
      sawLeadingZero |= digits.startsWith("0");
    }
    assertThat(sawLeadingZero).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "12345", "1234567", "12345a", " 123456", "١٢٣٤٥٦"})
  void refusesAnythingButSixAsciiDigits(String raw) {
    assertThatThrownBy(() -> new OtpCode(raw))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.param()).contains("verification_code"));
  }
}
