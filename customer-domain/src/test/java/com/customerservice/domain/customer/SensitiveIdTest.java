package com.customerservice.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.error.InvalidValueException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SensitiveIdTest {

  @Test
  void neverPrintsItsValue() {
    SensitiveId taxId = SensitiveId.of("tax_id", "123456789");
    assertThat(taxId.toString()).isEqualTo("***");
    assertThat("" + taxId).doesNotContain("123456789");
    assertThat(new GovernmentIds(taxId, taxId, taxId).toString()).doesNotContain("123456789");
  }

  @Test
  void revealsOnlyOnRequest() {
    assertThat(SensitiveId.of("tax_id", " 123456789 ").reveal()).isEqualTo("123456789");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "-123",
        "12<script>",
        "a\nb",
        "123456789012345678901234567890123456789012345678901234567890123456"
      })
  void refusesMalformedValuesNamingTheField(String raw) {
    assertThatThrownBy(() -> SensitiveId.of("nuib", raw))
        .isInstanceOfSatisfying(
            InvalidValueException.class, e -> assertThat(e.param()).contains("nuib"));
  }

  @Test
  void aDeferredValueIsProducedOnFirstUseOnly() {
    AtomicInteger decryptions = new AtomicInteger();
    SensitiveId deferred =
        SensitiveId.deferred(
            () -> {
              decryptions.incrementAndGet();
              return "ABC123456";
            });
    assertThat(deferred.isRevealed()).isFalse();
    assertThat(deferred.toString()).isEqualTo("***");
    assertThat(decryptions).hasValue(0);
    assertThat(deferred.reveal()).isEqualTo("ABC123456");
    assertThat(deferred.reveal()).isEqualTo("ABC123456");
    assertThat(decryptions).hasValue(1);
  }

  @Test
  void equalityIsByValue() {
    assertThat(SensitiveId.of("tax_id", "123"))
        .isEqualTo(SensitiveId.deferred(() -> "123"))
        .isNotEqualTo(SensitiveId.of("tax_id", "124"));
  }
}
