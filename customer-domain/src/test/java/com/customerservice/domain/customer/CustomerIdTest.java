package com.customerservice.domain.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.customerservice.domain.error.InvalidValueException;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CustomerIdTest {

  @Test
  void newIdsArePrefixedRandomAndDistinct() {
    var random = new SecureRandom();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = CustomerId.KIND.next(random).value();
      assertThat(id).matches("cus_[A-Za-z0-9]{24}");
      seen.add(id);
    }
    assertThat(seen).hasSize(1000);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "usr_abcdefghijklmnopqrstuvwx",
        "cus_abc12345",
        "cus_abcdefghijklmnopqrstuvwxy",
        "cus_abcdefghijklmnopqrstuv-x",
        "supported-documents",
        "CUS_abcdefghijklmnopqrstuvwx"
      })
  void parseNamesNoCustomerForOtherShapes(String raw) {
    assertThat(CustomerId.KIND.parse(raw)).isEmpty();
  }

  @Test
  void constructorRefusesOtherShapes() {
    assertThatThrownBy(() -> new CustomerId("cus_abc12345"))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void parseAcceptsIssuedShape() {
    assertThat(CustomerId.KIND.parse("cus_abcdefghijklmnopqrstuvwx")).isPresent();
  }
}
